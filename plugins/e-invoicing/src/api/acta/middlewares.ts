import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { StoreSignActa } from "./validators"

const customer = ["customer" as const]
const supplier = ["supplier" as const]

/**
 * The acta de entrega-recepción: read, downloaded and signed (e.firma) by the
 * agency's Reception Manager (`reception:record`); downloaded by the supplier
 * whose shipment it records.
 */
export const actaMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/receptions/:id/acta",
    middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD })],
  },
  {
    method: ["GET"],
    matcher: "/store/receptions/:id/acta/pdf",
    middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD })],
  },
  {
    method: ["POST"],
    matcher: "/store/receptions/:id/acta/sign",
    middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD }), idempotent(), validateBody(StoreSignActa)],
  },
  {
    method: ["GET"],
    matcher: "/supplier/receptions/:id/acta/pdf",
    middlewares: [...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ })],
  },
]
