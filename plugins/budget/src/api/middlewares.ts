import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, validateBody, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { listBudgetKeysQueryConfig } from "./store/budget/keys/query-config"
import { ListBudgetKeys, ListLedger, StoreBudgetCheck, StoreBudgetReserve, StoreReleaseReservation } from "./validators"

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/store/budget/keys",
      middlewares: [
        ...authorize({ actors: ["customer"], permission: P.BUDGET_READ }),
        validateQuery(ListBudgetKeys, listBudgetKeysQueryConfig),
      ],
    },
    {
      method: ["GET"],
      matcher: "/store/budget/keys/:id/ledger",
      middlewares: [...authorize({ actors: ["customer"], permission: P.BUDGET_LEDGER_READ }), validateQuery(ListLedger)],
    },
    {
      method: ["POST"],
      matcher: "/store/budget/check",
      middlewares: [...authorize({ actors: ["customer"], permission: P.BUDGET_READ }), validateBody(StoreBudgetCheck)],
    },
    {
      method: ["POST"],
      matcher: "/store/budget/reservations",
      middlewares: [...authorize({ actors: ["customer"], permission: P.BUDGET_RESERVE }), validateBody(StoreBudgetReserve)],
    },
    {
      method: ["POST"],
      matcher: "/store/budget/reservations/:id/release",
      middlewares: [...authorize({ actors: ["customer"], permission: P.BUDGET_RESERVE }), validateBody(StoreReleaseReservation)],
    },
    {
      method: ["GET"],
      matcher: "/admin/budget/keys",
      middlewares: [
        ...authorize({ actors: ["user"], permission: P.BUDGET_READ_ALL }),
        validateQuery(ListBudgetKeys, listBudgetKeysQueryConfig),
      ],
    },
  ],
})
