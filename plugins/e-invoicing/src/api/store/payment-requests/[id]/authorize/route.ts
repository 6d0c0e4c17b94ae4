import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { authorizePaymentWorkflow } from "../../../../../workflows/authorize-payment"
import { ownPaymentRequest, PAYMENT_DOMAIN_ERRORS } from "../../../../payments/helpers"

/**
 * POST /store/payment-requests/:id/authorize — the budget area authorises the
 * payment: SAT is asked again, the CLC goes to SIAFF with the supplier's RFC
 * and active CLABE (ejercido).
 */
export async function POST(req: AuthorizedRequest, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      await authorizePaymentWorkflow(req.scope).run({
        input: {
          payment_request_id: req.params.id,
          agency_id: req.access.organization_id,
          person_id: req.access.person_id,
          actor: auditActorOf(req),
        },
      })
      res.json({ payment_request: await ownPaymentRequest(req, req.params.id) })
    },
    PAYMENT_DOMAIN_ERRORS,
  )
}
