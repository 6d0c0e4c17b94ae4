import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitCreditNoteWorkflow } from "../../../../../workflows/submit-credit-note"
import { answerRelatedCfdi } from "../../../../invoicing/related-cfdi-response"
import type { SupplierSubmitCreditNoteType } from "../../../../invoicing/validators"

/**
 * POST /supplier/invoices/:id/credit-note — I present the nota de crédito
 * (CFDI de egreso, type E) for the pena convencional withheld from my
 * invoice's payment: related to the invoice (TipoRelacion 01), for exactly
 * the penalty. The payment is authorised only after it. 201 with the note
 * and the invoice; 422 with every failure (engine rules and the note's
 * own); 503 when SAT could not be asked.
 */
export async function POST(req: AuthorizedRequest<SupplierSubmitCreditNoteType>, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      const { result } = await submitCreditNoteWorkflow(req.scope).run({
        input: {
          invoice_id: req.params.id,
          supplier_id: req.access.organization_id,
          person_id: req.access.person_id,
          actor: auditActorOf(req),
          xml: req.validatedBody.xml,
        },
      })
      await answerRelatedCfdi(req, res, {
        key: "credit_note",
        what: "La nota de crédito",
        document: result.credit_note,
        validation: result.result,
      })
    },
    { conflict: ["SIN_PENA_RETENIDA", "NOTA_CREDITO_YA_RECIBIDA"] },
  )
}
