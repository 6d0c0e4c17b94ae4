import type { MiddlewareRoute } from "@medusajs/framework/http"
import { authorize, idempotent, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { StoreListShipments, StoreRecordReception, SupplierRecordShipment } from "./validators"

const supplier = ["supplier" as const]
const customer = ["customer" as const]

/**
 * Shipments are the supplier's operational act on its contract (the
 * permission that signs and acknowledges it); receptions the Reception
 * Manager's (`reception:record`). Both scoped to the caller's organization
 * in the workflows.
 */
export const deliveryMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/supplier/orders/:id/shipments",
    middlewares: [...authorize({ actors: supplier, permission: P.SPECIFIC_CONTRACTS_READ })],
  },
  {
    method: ["POST"],
    matcher: "/supplier/orders/:id/shipments",
    middlewares: [
      ...authorize({ actors: supplier, permission: P.CONTRACTS_SIGN_SUPPLIER }),
      idempotent(),
      validateBody(SupplierRecordShipment),
    ],
  },
  {
    method: ["GET"],
    matcher: "/store/shipments",
    middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD }), validateQuery(StoreListShipments)],
  },
  { method: ["GET"], matcher: "/store/receptions", middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD })] },
  {
    method: ["POST"],
    matcher: "/store/receptions",
    middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD }), idempotent(), validateBody(StoreRecordReception)],
  },
  { method: ["GET"], matcher: "/store/receptions/:id", middlewares: [...authorize({ actors: customer, permission: P.RECEPTION_RECORD })] },
]
