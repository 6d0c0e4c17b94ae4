import { defineMiddlewares, type MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { authorize, validateBody, validateQuery } from "@tienda/organizations/http"
import {
  denyByDefault,
  MEDUSA_ROUTE_RULES,
  pluginRouteRules,
  rejectHostileInput,
  rulesFromMiddlewares,
  type RouteRule,
  securityHeaders,
  dashboardLoginOnlyForStaff,
  spanishErrorHandler,
  throttleLogin,
} from "../security"
import { AdminListJobRuns } from "./admin/ops/job-runs/validators"

/** The application's own routes (backend/src/api). */
export const appRoutes: MiddlewareRoute[] = [
  // any logged-in person ends their own bearer token (cookie sessions: DELETE /auth/session)
  {
    method: ["POST"],
    matcher: "/auth/logout",
    middlewares: [...authorize({ actors: ["user", "customer", "supplier", "observer", "auditor"] }), validateBody(z.object({}).strict())],
  },
  // the dashboard sections the caller sees (the dashboard shell hides the others)
  {
    method: ["GET"],
    matcher: "/admin/dashboard/menu",
    middlewares: [...authorize({ actors: ["user"] }), validateQuery(z.object({}).strict())],
  },
  {
    method: ["GET"],
    matcher: "/admin/ops/job-runs",
    middlewares: [...authorize({ actors: ["user"], permission: PERMISSIONS.OPERATIONS_READ }), validateQuery(AdminListJobRuns)],
  },
]

/** The application's own public routes (no `authorize`). */
export const APP_PUBLIC_ROUTES: RouteRule[] = [
  // the OpenAPI 3.1 document of our routes (docs/api.md)
  { methods: ["GET"], path: "/openapi.json", policy: { kind: "public" }, source: "backend" },
]

/** The application's own entries of the route map: our routes and every plugin's (not Medusa's). */
export const customRouteRules = (): RouteRule[] => [
  ...rulesFromMiddlewares("backend", { routes: appRoutes }),
  ...APP_PUBLIC_ROUTES,
  ...pluginRouteRules(),
]

/**
 * The route → permission map of the whole application: Medusa's built-in
 * routes, every plugin's declared `authorize`, and ours. A route that is in
 * none of them is refused (docs/security.md).
 */
export const routeRules = (): RouteRule[] => [...customRouteRules(), ...MEDUSA_ROUTE_RULES]

export default defineMiddlewares({
  // every error as { type, code, message } in Spanish, never SQL or a stack
  errorHandler: spanishErrorHandler(),
  routes: [
    // first on every request (global middlewares run before route middlewares):
    // the route → permission map, then input hygiene (JSON only, no NUL, no int overflow)
    { matcher: "/*", middlewares: [securityHeaders, denyByDefault(routeRules), rejectHostileInput] },
    ...appRoutes,
    // login throttling per account and per address (Medusa's login route)
    { method: ["POST"], matcher: "/auth/:actor_type/:auth_provider", middlewares: [throttleLogin] },
    // the dashboard's login: a supplier's or agency's account gets a Spanish "SHCP staff only"
    { method: ["POST"], matcher: "/auth/user/:auth_provider", middlewares: [dashboardLoginOnlyForStaff] },
  ],
})
