import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { einvService } from "../../delivery/helpers"
import type { StoreListPaymentRequestsType } from "../../payments/validators"

/** GET /store/payment-requests — my agency's payment requests, the oldest due first. */
export async function GET(req: AuthorizedRequest<unknown, StoreListPaymentRequestsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [payment_requests, count] = await einvService(req).listAndCountPaymentRequests(
    { agency_id: req.access.organization_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { due_date: "ASC", created_at: "ASC" } }
  )
  res.json({ payment_requests, count, limit, offset })
}
