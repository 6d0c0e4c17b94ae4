import { accessRequirementOf } from "@tienda/organizations/http"
import budget from "@tienda/budget/api/middlewares"
import contracts from "@tienda/contracts/api/middlewares"
import eInvoicing from "@tienda/e-invoicing/api/middlewares"
import frameworkContracts from "@tienda/framework-contracts/api/middlewares"
import miniCompetition from "@tienda/mini-competition/api/middlewares"
import organizations from "@tienda/organizations/api/middlewares"
import requisitions from "@tienda/requisitions/api/middlewares"
import search from "@tienda/search/api/middlewares"
import transparency from "@tienda/transparency/api/middlewares"
import type { HttpMethod, RoutePolicy, RouteRule } from "./policy"

type MiddlewareRoute = { method?: string | string[]; methods?: string | string[]; matcher: string | RegExp; middlewares?: unknown[] }
type MiddlewaresFile = { routes?: MiddlewareRoute[] }

/** The middleware declarations of every plugin of the application, by plugin. */
export const PLUGIN_MIDDLEWARES: Record<string, MiddlewaresFile> = {
  "@tienda/organizations": organizations as MiddlewaresFile,
  "@tienda/framework-contracts": frameworkContracts as MiddlewaresFile,
  "@tienda/search": search as MiddlewaresFile,
  "@tienda/budget": budget as MiddlewaresFile,
  "@tienda/contracts": contracts as MiddlewaresFile,
  "@tienda/requisitions": requisitions as MiddlewaresFile,
  "@tienda/e-invoicing": eInvoicing as MiddlewaresFile,
  "@tienda/mini-competition": miniCompetition as MiddlewaresFile,
  "@tienda/transparency": transparency as MiddlewaresFile,
}

/** Plugin routes that are public on purpose (they carry no `authorize`). */
export const PUBLIC_PLUGIN_ROUTES: RouteRule[] = [
  // hash-chain checkpoints anyone may use to verify the audit ledger
  { methods: ["GET"], path: "/public/audit/checkpoints", policy: { kind: "public" }, source: "@tienda/contracts" },
  // a competition's public record (what the law publishes; bids only after the opening)
  { methods: ["GET"], path: "/public/competitions/:id", policy: { kind: "public" }, source: "@tienda/mini-competition" },
  // OCDS publication of every contracting process (redacted, docs/transparency.md)
  { methods: ["GET"], path: "/public/ocds/releases", policy: { kind: "public" }, source: "@tienda/transparency" },
  { methods: ["GET"], path: "/public/ocds/releases/:ocid", policy: { kind: "public" }, source: "@tienda/transparency" },
  { methods: ["GET"], path: "/public/ocds/records/:ocid", policy: { kind: "public" }, source: "@tienda/transparency" },
  { methods: ["GET"], path: "/public/ocds/bulk", policy: { kind: "public" }, source: "@tienda/transparency" },
  // Stripe's webhook for own-resources payments: no session, trusted only by Stripe's signature (verified in the route)
  { methods: ["POST"], path: "/hooks/e-invoicing/stripe", policy: { kind: "public" }, source: "@tienda/e-invoicing" },
]

/**
 * The rules declared by middleware files: each route whose middlewares
 * include an `authorize(...)` guard maps to that guard's requirement. Routes
 * without one are not mapped here (and so refused unless listed as public).
 */
export function rulesFromMiddlewares(source: string, file: MiddlewaresFile): RouteRule[] {
  const rules: RouteRule[] = []
  for (const route of file.routes ?? []) {
    const requirement = accessRequirementOf(route.middlewares)
    if (!requirement || typeof route.matcher !== "string") {
      continue
    }
    // defineMiddlewares() turns `method` into `methods`; raw declarations still say `method`
    const declared = route.methods ?? route.method
    const methods = declared
      ? ((Array.isArray(declared) ? declared : [declared]).map((m) => m.toUpperCase()) as HttpMethod[])
      : ("*" as const)
    const policy: RoutePolicy = requirement.permission
      ? { kind: "permission", actors: requirement.actors, permission: requirement.permission }
      : { kind: "authenticated", actors: requirement.actors }
    rules.push({ methods, path: route.matcher, policy, source })
  }
  return rules
}

export function pluginRouteRules(): RouteRule[] {
  return [...Object.entries(PLUGIN_MIDDLEWARES).flatMap(([source, file]) => rulesFromMiddlewares(source, file)), ...PUBLIC_PLUGIN_ROUTES]
}
