import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, withDomainErrors, type AuthorizedRequest } from "@tienda/organizations/http"
import { matchInvoiceWorkflow } from "../../../../../workflows/match-invoice"
import { invoiceView, ownInvoice } from "../../../../invoicing/helpers"
import { PAYMENT_DOMAIN_ERRORS } from "../../../../payments/helpers"

/** POST /store/invoices/:id/match — runs the three-way match again (e.g. an invoice in the exception queue). */
export async function POST(req: AuthorizedRequest, res: MedusaResponse) {
  await withDomainErrors(
    res,
    async () => {
      await ownInvoice(req, req.params.id, "agency")
      const { result } = await matchInvoiceWorkflow(req.scope).run({ input: { invoice_id: req.params.id, actor: auditActorOf(req) } })
      const { row, payment } = await ownInvoice(req, req.params.id, "agency")
      res.json({ invoice: invoiceView(row, payment), match: result.result })
    },
    PAYMENT_DOMAIN_ERRORS,
  )
}
