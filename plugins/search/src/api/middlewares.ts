import { defineMiddlewares } from "@medusajs/framework/http"
import { authorize, validateQuery } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { StoreSearch, StoreSuggest } from "./validators"

const customer = ["customer" as const]

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/store/catalog/search",
      middlewares: [...authorize({ actors: customer, permission: P.CATALOG_BROWSE }), validateQuery(StoreSearch)],
    },
    {
      method: ["GET"],
      matcher: "/store/catalog/search/suggest",
      middlewares: [...authorize({ actors: customer, permission: P.CATALOG_BROWSE }), validateQuery(StoreSuggest)],
    },
  ],
})
