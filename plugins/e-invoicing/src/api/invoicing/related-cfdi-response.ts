import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { invoiceView, ownInvoice } from "./helpers"

type Judged = { retryable?: boolean; failures: unknown[] }

/**
 * The answer to a CFDI the supplier presents about one of its invoices (a
 * payment complement, a nota de crédito): 201 with the accepted document
 * (without its XML) and the invoice; 503 when SAT could not be asked; 422
 * with every failure otherwise. Nothing is recorded on 503 or 422.
 */
export async function answerRelatedCfdi(
  req: AuthorizedRequest,
  res: MedusaResponse,
  { key, what, document, validation }: { key: string; what: string; document: { xml?: string } | null | undefined; validation: Judged },
) {
  if (document) {
    const { xml: _xml, ...rest } = document
    const { row, payment } = await ownInvoice(req, req.params.id, "supplier")
    res.status(201).json({ [key]: rest, invoice: invoiceView(row, payment) })
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
  const n = validation.failures.length
  res.status(422).json({
    type: "invalid_data",
    code: "CFDI_INVALIDO",
    message: `${what} no se acepta: ${n} ${n === 1 ? "regla no se cumple" : "reglas no se cumplen"}.`,
    failures: validation.failures,
  })
}
