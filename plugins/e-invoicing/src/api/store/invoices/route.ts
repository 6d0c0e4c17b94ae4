import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { einvService } from "../../delivery/helpers"
import { invoiceView } from "../../invoicing/helpers"
import type { StoreListAgencyInvoicesType } from "../../payments/validators"

/** GET /store/invoices?status=exception — my agency's invoices; `exception` is the exception queue with its reasons. */
export async function GET(req: AuthorizedRequest<unknown, StoreListAgencyInvoicesType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const service = einvService(req)
  const [rows, count] = await service.listAndCountInvoices(
    { agency_id: req.access.organization_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { created_at: "ASC" } },
  )
  const payments = rows.length ? await service.listPaymentRequests({ invoice_id: rows.map((r) => r.id) }) : []
  res.json({ invoices: rows.map((r) => invoiceView(r, payments.find((p) => p.invoice_id === r.id) ?? null)), count, limit, offset })
}
