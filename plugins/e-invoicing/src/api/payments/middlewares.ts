import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { Empty, StoreConfirmPayment, StoreListAgencyInvoices, StoreListPaymentRequests } from "./validators"

const customer = ["customer" as const]
const typist = () => authorize({ actors: customer, permission: P.PAYMENT_REQUESTS_CREATE })

/**
 * The Payment Request Typist follows the agency's invoices (the exception
 * queue among them), re-runs a match and records the SPEI payment; the
 * budget area authorises the CLC (`payment_requests:authorize`).
 */
export const paymentMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/invoices", middlewares: [...typist(), validateQuery(StoreListAgencyInvoices)] },
  { method: ["POST"], matcher: "/store/invoices/:id/match", middlewares: [...typist(), idempotent(), validateBody(Empty)] },
  { method: ["GET"], matcher: "/store/payment-requests", middlewares: [...typist(), validateQuery(StoreListPaymentRequests)] },
  { method: ["GET"], matcher: "/store/payment-requests/:id", middlewares: [...typist()] },
  {
    method: ["POST"],
    matcher: "/store/payment-requests/:id/authorize",
    middlewares: [...authorize({ actors: customer, permission: P.PAYMENT_REQUESTS_AUTHORIZE }), idempotent(), validateBody(Empty)],
  },
  {
    method: ["POST"],
    matcher: "/store/payment-requests/:id/confirm-payment",
    middlewares: [...typist(), idempotent(), validateBody(StoreConfirmPayment)],
  },
  // Stripe's webhook (own-resources agencies): public, trusted only by its signature over the raw body
  { method: ["POST"], matcher: "/hooks/e-invoicing/stripe", bodyParser: { preserveRawBody: true }, middlewares: [] },
]
