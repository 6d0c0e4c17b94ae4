import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitPaymentComplementWorkflow } from "../../../../../workflows/submit-payment-complement"
import { answerRelatedCfdi } from "../../../../invoicing/related-cfdi-response"
import type { SupplierSubmitComplementType } from "../../../../invoicing/validators"

/**
 * POST /supplier/invoices/:id/payment-complement — I present the complemento
 * de pago (CFDI type P, Pagos 2.0) of my paid PPD invoice. 201 with the
 * complement and the invoice; 422 with every failure (engine rules and the
 * complement's own); 503 when SAT could not be asked.
 */
export async function POST(req: AuthorizedRequest<SupplierSubmitComplementType>, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      const { result } = await submitPaymentComplementWorkflow(req.scope).run({
        input: {
          invoice_id: req.params.id,
          supplier_id: req.access.organization_id,
          person_id: req.access.person_id,
          actor: auditActorOf(req),
          xml: req.validatedBody.xml,
        },
      })
      await answerRelatedCfdi(req, res, {
        key: "payment_complement",
        what: "El complemento de pago",
        document: result.complement,
        validation: result.result,
      })
    },
    { conflict: ["PAGO_NO_REALIZADO", "COMPLEMENTO_YA_RECIBIDO"] },
  )
}
