import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, pickFields, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { matchInvoiceWorkflow } from "../../../workflows/match-invoice"
import { submitInvoiceWorkflow } from "../../../workflows/submit-invoice"
import { einvService } from "../../delivery/helpers"
import { invoiceView, ownInvoice } from "../../invoicing/helpers"
import type { SupplierListInvoicesType, SupplierSubmitInvoiceType } from "../../invoicing/validators"

/** GET /supplier/invoices — my company's accepted invoices and where their payment stands. */
export async function GET(req: AuthorizedRequest<unknown, SupplierListInvoicesType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const service = einvService(req)
  const [rows, count] = await service.listAndCountInvoices(
    { supplier_id: req.access.organization_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" } },
  )
  const payments = rows.length ? await service.listPaymentRequests({ invoice_id: rows.map((r) => r.id) }) : []
  res.json({
    invoices: pickFields(
      req,
      rows.map((r) => invoiceView(r, payments.find((p) => p.invoice_id === r.id) ?? null)),
    ),
    count,
    limit,
    offset,
  })
}

/**
 * POST /supplier/invoices — I present the CFDI of what the agency received.
 * 201 with the invoice when every rule passes (then matched: payment
 * request, or the exception queue); 422 with every failure (rule,
 * field, Spanish message) otherwise; 503 when SAT could not be asked (retry).
 */
export async function POST(req: AuthorizedRequest<SupplierSubmitInvoiceType>, res: MedusaResponse) {
  await withDomainErrors(res, () => submit(req, res), { conflict: ["CFDI_UUID_DUPLICADO"] })
}

async function submit(req: AuthorizedRequest<SupplierSubmitInvoiceType>, res: MedusaResponse) {
  const { result } = await submitInvoiceWorkflow(req.scope).run({
    input: {
      order_id: req.validatedBody.order_id,
      supplier_id: req.access.organization_id,
      person_id: req.access.person_id,
      actor: auditActorOf(req),
      xml: req.validatedBody.xml,
    },
  })
  const { result: validation, invoice } = result
  if (invoice) {
    // the three-way match follows at once; a fault there leaves the invoice accepted, to match again
    await matchInvoiceWorkflow(req.scope)
      .run({ input: { invoice_id: invoice.id, actor: auditActorOf(req) } })
      .catch((e: Error) =>
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`three-way match of invoice ${invoice.id} deferred: ${e.message}`),
      )
    const { row, payment } = await ownInvoice(req, invoice.id, "supplier")
    res.status(201).json({ invoice: invoiceView(row, payment) })
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
    message: `El CFDI no se acepta: ${validation.failures.length} ${validation.failures.length === 1 ? "regla no se cumple" : "reglas no se cumplen"}.`,
    failures: validation.failures,
  })
}
