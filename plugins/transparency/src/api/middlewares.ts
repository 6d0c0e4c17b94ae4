import { defineMiddlewares } from "@medusajs/framework/http"
import { validateQuery } from "@tienda/organizations/http"
import { Empty, PublicBulk, PublicListReleases } from "./validators"

/**
 * Every route of this plugin is public and read-only (no `authorize`): they
 * are listed as such in the backend's deny-by-default route map
 * (backend/src/security/plugin-routes.ts, ADR 0011).
 */
export default defineMiddlewares({
  routes: [
    { method: ["GET"], matcher: "/public/ocds/releases", middlewares: [validateQuery(PublicListReleases)] },
    { method: ["GET"], matcher: "/public/ocds/releases/:ocid", middlewares: [validateQuery(Empty)] },
    { method: ["GET"], matcher: "/public/ocds/records/:ocid", middlewares: [validateQuery(Empty)] },
    { method: ["GET"], matcher: "/public/ocds/bulk", middlewares: [validateQuery(PublicBulk)] },
  ],
})
