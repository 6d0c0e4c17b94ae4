import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { submitPaymentComplementWorkflow } from "../../../../../workflows/submit-payment-complement"
import { invoiceView, ownInvoice } from "../../../../invoicing/helpers"
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
      const { result: validation, complement } = result
      if (complement) {
        const { xml: _xml, ...rest } = complement
        const { row, payment } = await ownInvoice(req, req.params.id, "supplier")
        res.status(201).json({ payment_complement: rest, invoice: invoiceView(row, payment) })
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
        message: `El complemento de pago no se acepta: ${validation.failures.length} ${validation.failures.length === 1 ? "regla no se cumple" : "reglas no se cumplen"}.`,
        failures: validation.failures,
      })
    },
    { conflict: ["PAGO_NO_REALIZADO", "COMPLEMENTO_YA_RECIBIDO"] },
  )
}
