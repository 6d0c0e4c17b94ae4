import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { isComplementOverdue, mexicoDate } from "../../../delivery/rules"
import { einvService } from "../../delivery/helpers"
import type { StoreListPaymentRequestsType } from "../../payments/validators"

/**
 * GET /store/payment-requests — my agency's payment requests, the oldest due
 * first; `complement=overdue` is the queue of paid PPD invoices whose
 * complemento de pago is missing after the fifth of the following month;
 * `credit_note=pending` those waiting for the supplier's nota de crédito
 * for a withheld penalty (not authorisable yet).
 */
export async function GET(req: AuthorizedRequest<unknown, StoreListPaymentRequestsType>, res: MedusaResponse) {
  const { status, complement, credit_note, limit, offset } = req.validatedQuery
  const now = await einvService(req).now()
  const complementFilter =
    complement === "overdue"
      ? { complement_status: "pending" as const, complement_due_date: { $lt: mexicoDate(now) } }
      : complement
        ? { complement_status: complement }
        : {}
  const [rows, count] = await einvService(req).listAndCountPaymentRequests(
    {
      agency_id: req.access.organization_id,
      ...(status ? { status } : {}),
      ...complementFilter,
      ...(credit_note ? { credit_note_status: credit_note } : {}),
    },
    { take: limit, skip: offset, order: { due_date: "ASC", created_at: "ASC" } },
  )
  const payment_requests = rows.map((r) => ({
    ...r,
    complement_overdue: isComplementOverdue(r.complement_due_date, r.complement_status === "received" ? true : null, now),
  }))
  res.json({ payment_requests, count, limit, offset })
}
