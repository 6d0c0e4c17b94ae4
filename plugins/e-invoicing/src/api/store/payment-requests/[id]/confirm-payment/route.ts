import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { confirmPaymentWorkflow } from "../../../../../workflows/confirm-payment"
import { ownPaymentRequest, PAYMENT_DOMAIN_ERRORS } from "../../../../payments/helpers"
import type { StoreConfirmPaymentType } from "../../../../payments/validators"

/** POST /store/payment-requests/:id/confirm-payment — the CLC was paid by SPEI (clave de rastreo) → pagado. */
export async function POST(req: AuthorizedRequest<StoreConfirmPaymentType>, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      await confirmPaymentWorkflow(req.scope).run({
        input: {
          payment_request_id: req.params.id,
          agency_id: req.access.organization_id,
          clave_rastreo: req.validatedBody.clave_rastreo ?? null,
          actor: auditActorOf(req),
        },
      })
      res.json({ payment_request: await ownPaymentRequest(req, req.params.id) })
    },
    { ...PAYMENT_DOMAIN_ERRORS, conflict: [...PAYMENT_DOMAIN_ERRORS.conflict, "CLC_NO_PAGADA"] },
  )
}
