import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { ownPaymentRequest } from "../../../payments/helpers"

/** GET /store/payment-requests/:id — one payment request of my agency. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  res.json({ payment_request: await ownPaymentRequest(req, req.params.id) })
}
