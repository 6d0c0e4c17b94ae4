import { defineMiddlewares } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { authorize, paginationSchema, validateQuery } from "@tienda/organizations/http"

export default defineMiddlewares({
  routes: [
    {
      method: ["GET"],
      matcher: "/admin/ops/job-runs",
      middlewares: [
        ...authorize({ actors: ["user"], permission: PERMISSIONS.OPERATIONS_READ }),
        validateQuery(z.object({ ...paginationSchema }).strict()),
      ],
    },
  ],
})
