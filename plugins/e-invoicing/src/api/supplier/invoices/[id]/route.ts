import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { invoiceView, ownInvoice } from "../../../invoicing/helpers"

/** GET /supplier/invoices/:id — one of my invoices, its CFDI and its payment's status. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  const { row, payment } = await ownInvoice(req, req.params.id, "supplier")
  res.json({ invoice: invoiceView(row, payment, true) })
}
