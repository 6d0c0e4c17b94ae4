import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitCreditNoteWorkflow } from "../../../../../workflows/submit-credit-note"
import { invoiceView, ownInvoice } from "../../../../invoicing/helpers"
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
      const { result: validation, credit_note } = result
      if (credit_note) {
        const { xml: _xml, ...rest } = credit_note
        const { row, payment } = await ownInvoice(req, req.params.id, "supplier")
        res.status(201).json({ credit_note: rest, invoice: invoiceView(row, payment) })
        return
      }
      if (validation.retryable) {
        res.status(503).json({
          type: "unavailable",
          code: "SAT_NO_DISPONIBLE",
          message: "No se pudo consultar al SAT el estado del CFDI; inténtalo de nuevo en unos minutos. No se registró nada.",
          failures: validation.failures,
        })
        return
      }
      res.status(422).json({
        type: "invalid_data",
        code: "CFDI_INVALIDO",
        message: `La nota de crédito no se acepta: ${validation.failures.length} ${validation.failures.length === 1 ? "regla no se cumple" : "reglas no se cumplen"}.`,
        failures: validation.failures,
      })
    },
    { conflict: ["SIN_PENA_RETENIDA", "NOTA_CREDITO_YA_RECIBIDA"] },
  )
}
