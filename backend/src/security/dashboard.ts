import type { MedusaNextFunction as NextFunction, MedusaRequest as Request, MedusaResponse as Response } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { ACTOR_LABELS_ES, type ActorType, type Permission } from "@tienda/organizations/utils"
import type { RouteMap, RoutePolicy } from "./policy"

/**
 * The admin dashboard (`/app`) as SHCP staff get it: which of its sections a
 * person sees, and who may log in to it at all (docs/dashboard.md).
 *
 * Medusa 2.21 has no API to remove its own menu entries, so the dashboard
 * shell extension (`backend/src/admin`) hides them with CSS from the answer
 * of `GET /admin/dashboard/menu`, computed here from the same route map the
 * guard enforces: a section is hidden when the API route it reads is refused
 * to the caller, or when it is a shop feature the store does not use.
 */

/** One entry of the dashboard's menus, and the API route its page reads first. */
export type DashboardSection = {
  /** The dashboard's client path (below `/app`). */
  path: string
  /** The `GET` route the page reads; the section is shown only when the guard would answer it. */
  api: string
  /** A shop feature with no place in the store's procedure: hidden for everybody. */
  shopOnly?: true
}

export const DASHBOARD_SECTIONS: readonly DashboardSection[] = [
  // Medusa's main menu
  { path: "/orders", api: "/admin/orders" },
  { path: "/draft-orders", api: "/admin/draft-orders" },
  { path: "/products", api: "/admin/products" },
  { path: "/collections", api: "/admin/collections" },
  { path: "/categories", api: "/admin/product-categories" },
  { path: "/product-options", api: "/admin/product-options" },
  { path: "/gift-cards", api: "/admin/gift-cards", shopOnly: true },
  { path: "/inventory", api: "/admin/inventory-items" },
  { path: "/reservations", api: "/admin/reservations" },
  { path: "/customers", api: "/admin/customers" },
  { path: "/customer-groups", api: "/admin/customer-groups" },
  { path: "/promotions", api: "/admin/promotions" },
  { path: "/campaigns", api: "/admin/campaigns" },
  { path: "/price-lists", api: "/admin/price-lists" },
  // Medusa's settings
  { path: "/settings/store", api: "/admin/stores" },
  { path: "/settings/users", api: "/admin/users" },
  { path: "/settings/roles", api: "/admin/rbac" },
  { path: "/settings/policies", api: "/admin/rbac" },
  { path: "/settings/regions", api: "/admin/regions", shopOnly: true },
  { path: "/settings/tax-regions", api: "/admin/tax-regions", shopOnly: true },
  { path: "/settings/return-reasons", api: "/admin/return-reasons", shopOnly: true },
  { path: "/settings/refund-reasons", api: "/admin/refund-reasons", shopOnly: true },
  { path: "/settings/sales-channels", api: "/admin/sales-channels", shopOnly: true },
  { path: "/settings/product-types", api: "/admin/product-types" },
  { path: "/settings/product-tags", api: "/admin/product-tags" },
  { path: "/settings/locations", api: "/admin/stock-locations", shopOnly: true },
  { path: "/settings/property-labels", api: "/admin/property-labels", shopOnly: true },
  { path: "/settings/translations", api: "/admin/translations" },
  { path: "/settings/publishable-api-keys", api: "/admin/api-keys" },
  { path: "/settings/secret-api-keys", api: "/admin/api-keys" },
  { path: "/settings/workflows", api: "/admin/workflows-executions" },
  { path: "/settings/search", api: "/admin/search-indexes" },
  { path: "/settings/profile", api: "/admin/users/me" },
  // the plugins' pages
  { path: "/framework-contracts", api: "/admin/framework-contracts" },
  { path: "/offer-requests", api: "/admin/offer-requests" },
  { path: "/sanctions", api: "/admin/sanctions" },
  { path: "/organizations", api: "/admin/organizations" },
  { path: "/people", api: "/admin/people" },
  { path: "/requisitions", api: "/admin/requisitions" },
]

export type SectionAccess = { path: string; visible: boolean; reason: "allowed" | "shop_only" | "refused" | "permission" }

type Caller = { actor_type: ActorType | string; permissions: readonly Permission[] }

/** Whether a route policy lets this caller through (the guard's decision, minus ownership of a given resource). */
export function policyAllows(policy: RoutePolicy, caller: Caller): boolean {
  switch (policy.kind) {
    case "public":
      return true
    case "refused":
      return false
    case "authenticated":
      return (policy.actors as string[]).includes(caller.actor_type)
    case "permission":
    case "owner":
      return (
        (policy.actors as string[]).includes(caller.actor_type) && (!policy.permission || caller.permissions.includes(policy.permission))
      )
  }
}

/** Every dashboard section with whether this caller sees it, and why not. */
export function dashboardMenu(map: RouteMap, caller: Caller, sections: readonly DashboardSection[] = DASHBOARD_SECTIONS): SectionAccess[] {
  return sections.map(({ path, api, shopOnly }) => {
    if (shopOnly) {
      return { path, visible: false, reason: "shop_only" }
    }
    const policy = map.resolve("GET", api)?.policy
    if (!policy || policy.kind === "refused") {
      return { path, visible: false, reason: "refused" }
    }
    return policyAllows(policy, caller) ? { path, visible: true, reason: "allowed" } : { path, visible: false, reason: "permission" }
  })
}

/** The answer to a dashboard login with an account that is not SHCP staff. */
export function staffOnlyMessage(actorTypes: string[]): string {
  const labels: Record<string, string> = ACTOR_LABELS_ES
  const kind = actorTypes
    .filter((a) => a !== "user")
    .map((a) => labels[a])
    .find(Boolean)
  return `El panel de administración es solo para el personal de la SHCP.${kind ? ` Tu cuenta es de ${kind}: entra` : " Entra"} por la Tienda Digital (el sitio de compras) con el mismo correo y contraseña.`
}

export const STAFF_ONLY_CODE = "PANEL_SOLO_SHCP"

/** The claims of a JWT we are about to send (not verified: we just signed it). */
export function jwtClaims(token: string): Record<string, unknown> | null {
  try {
    const part = token.split(".")[1]
    return part ? (JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * On the dashboard's login (`POST /auth/user/:provider`): Medusa answers a
 * correct password of a supplier's or an agency's account with a token for
 * nobody (no `user_id` on the identity), and the dashboard then fails without
 * a word. This turns that answer into 403 `PANEL_SOLO_SHCP` with a Spanish
 * message naming the account's kind (the dashboard shows it above the form).
 */
export function dashboardLoginOnlyForStaff(req: Request, res: Response, next: NextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    const token = (body as { token?: unknown } | null)?.token
    if (res.statusCode >= 400 || typeof token !== "string") {
      return json(body)
    }
    const claims = jwtClaims(token)
    if (!claims || claims.actor_id) {
      return json(body)
    }
    const refuse = (actorTypes: string[]) => {
      res.status(403)
      json({ type: "forbidden", code: STAFF_ONLY_CODE, message: staffOnlyMessage(actorTypes) })
    }
    const identityId = typeof claims.auth_identity_id === "string" ? claims.auth_identity_id : null
    void (async () => {
      let actorTypes: string[] = []
      try {
        if (identityId) {
          const identity = await req.scope.resolve(Modules.AUTH).retrieveAuthIdentity(identityId)
          actorTypes = Object.keys(identity.app_metadata ?? {})
            .filter((k) => k.endsWith("_id"))
            .map((k) => k.slice(0, -3))
        }
      } catch {
        actorTypes = []
      }
      refuse(actorTypes)
    })()
    return res
  }) as Response["json"]
  next()
}
