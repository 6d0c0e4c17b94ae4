import { PERMISSIONS as P } from "@tienda/organizations/utils"
import type { HttpMethod, RoutePolicy, RouteRule } from "./policy"

/**
 * The route map of Medusa's built-in routes (every `/admin`, `/store`, `/auth`,
 * `/hooks` and `/cloud` route Medusa 2.21 registers). Our plugins' routes are
 * mapped by their own `authorize(...)` declarations (see plugin-routes.ts).
 * Anything not covered here or there is refused; the generated test in
 * integration-tests/http/security.spec.ts fails when a registered route has no
 * rule. Families (`/**`) cover a resource and all its sub-routes.
 */

const READ: HttpMethod[] = ["GET"]
const WRITE: HttpMethod[] = ["POST", "PUT", "PATCH", "DELETE"]

const PUBLIC: RoutePolicy = { kind: "public" }
const refused = (code: string, reason: string): RoutePolicy => ({ kind: "refused", code, reason })

export const REFUSED = {
  catalog: refused(
    "RUTA_FUERA_DEL_PROCEDIMIENTO",
    "El catálogo, sus precios e inventario solo cambian por el procedimiento del contrato marco: ofertas de proveedores revisadas por la SHCP.",
  ),
  payments: refused(
    "RUTA_FUERA_DEL_PROCEDIMIENTO",
    "Los pedidos y pagos avanzan solo por su procedimiento: contrato específico, recepción, factura (CFDI) y solicitud de pago.",
  ),
  identities: refused(
    "RUTA_FUERA_DEL_PROCEDIMIENTO",
    "Las cuentas y sus permisos se administran solo en el padrón de personas de la Tienda Digital (/admin/people y la matriz de roles).",
  ),
  selfService: refused(
    "RUTA_FUERA_DEL_PROCEDIMIENTO",
    "Las cuentas de la Tienda Digital las da de alta el administrador del sistema en el padrón de personas; no hay registro propio.",
  ),
  unused: refused("RUTA_NO_DISPONIBLE", "Esta función de Medusa no se usa en la Tienda Digital."),
}

const user = (permission: (typeof P)[keyof typeof P]): RoutePolicy => ({ kind: "permission", actors: ["user"], permission })
const customer = (permission?: (typeof P)[keyof typeof P]): RoutePolicy =>
  permission ? { kind: "permission", actors: ["customer"], permission } : { kind: "authenticated", actors: ["customer"] }

/** A resource family: its reads and its writes. */
function family(path: string, read: RoutePolicy, write: RoutePolicy): RouteRule[] {
  return [
    { methods: READ, path: `${path}/**`, policy: read, source: "medusa" },
    { methods: WRITE, path: `${path}/**`, policy: write, source: "medusa" },
  ]
}
const rule = (methods: HttpMethod[], path: string, policy: RoutePolicy): RouteRule => ({ methods, path, policy, source: "medusa" })

const catalogRead = user(P.CATALOG_BROWSE)
const ordersRead = user(P.SPECIFIC_CONTRACTS_READ_ALL)
const identitiesRead = user(P.PEOPLE_MANAGE)
const operationsRead = user(P.OPERATIONS_READ)
const adminSession: RoutePolicy = { kind: "authenticated", actors: ["user"] }

const ADMIN: RouteRule[] = [
  // the dashboard shell: who am I, the store's settings, feature flags, views
  rule(READ, "/admin/users/me", adminSession),
  ...family("/admin/stores", adminSession, user(P.ORGANIZATIONS_MANAGE)),
  ...family("/admin/feature-flags", adminSession, REFUSED.unused),
  ...family("/admin/plugins", adminSession, REFUSED.unused),
  ...family("/admin/views", adminSession, REFUSED.unused),
  ...family("/admin/translations", adminSession, REFUSED.unused),
  // catalog: readable by SHCP staff who browse it; changed only through offers
  ...[
    "products",
    "product-variants",
    "product-categories",
    "product-tags",
    "product-types",
    "product-options",
    "collections",
    "currencies",
    "regions",
    "sales-channels",
    "price-preferences",
    "tax-regions",
    "tax-rates",
    "tax-providers",
    "return-reasons",
    "refund-reasons",
    "shipping-options",
    "shipping-option-types",
    "shipping-profiles",
    "fulfillment-sets",
    "stock-locations",
    "property-labels",
  ].flatMap((f) => family(`/admin/${f}`, catalogRead, REFUSED.catalog)),
  ...["price-lists", "promotions", "campaigns", "inventory-items", "reservations"].flatMap((f) =>
    family(`/admin/${f}`, REFUSED.catalog, REFUSED.catalog),
  ),
  // orders and money: read by the SHCP contract administrator; moved only by our procedures
  ...["orders", "returns", "claims", "exchanges", "payments"].flatMap((f) => family(`/admin/${f}`, ordersRead, REFUSED.payments)),
  ...["order-changes", "order-edits", "draft-orders", "payment-collections", "fulfillments"].flatMap((f) =>
    family(`/admin/${f}`, REFUSED.payments, REFUSED.payments),
  ),
  // identities: only the people registry creates accounts
  ...family("/admin/customers", identitiesRead, REFUSED.identities),
  ...family("/admin/customer-groups", identitiesRead, REFUSED.identities),
  ...["users", "invites", "api-keys", "rbac"].flatMap((f) => family(`/admin/${f}`, REFUSED.identities, REFUSED.identities)),
  // operations
  ...family("/admin/notifications", operationsRead, REFUSED.unused),
  ...["uploads", "index", "search", "search-indexes", "layouts", "workflows-executions", "fulfillment-providers"].flatMap((f) =>
    family(`/admin/${f}`, REFUSED.unused, REFUSED.unused),
  ),
]

const STORE: RouteRule[] = [
  // the public catalog (the storefront browses anonymously)
  ...[
    "products",
    "product-variants",
    "product-categories",
    "product-tags",
    "product-types",
    "product-options",
    "collections",
    "regions",
    "currencies",
    "return-reasons",
  ].flatMap((f) => family(`/store/${f}`, PUBLIC, REFUSED.unused)),
  rule(["POST"], "/store/search", PUBLIC),
  // customers exist only through the people registry
  rule(["POST"], "/store/customers", REFUSED.selfService),
  rule(READ, "/store/customers/me", customer()),
  rule(["POST"], "/store/customers/me", REFUSED.identities),
  ...family("/store/customers/me/addresses", customer(), customer()),
  // carts: people of the owning agency who may buy
  rule(["POST"], "/store/carts", customer(P.REQUISITIONS_CREATE)),
  rule(READ, "/store/carts/:id", { kind: "owner", actors: ["customer"], resource: { entity: "cart", from: "params.id" } }),
  ...[
    "/store/carts/:id",
    "/store/carts/:id/line-items",
    "/store/carts/:id/line-items/:line_id",
    "/store/carts/:id/shipping-methods",
    "/store/carts/:id/taxes",
    "/store/carts/:id/complete",
  ].map((path) =>
    rule(["POST", "DELETE"], path, {
      kind: "owner",
      actors: ["customer"],
      permission: P.REQUISITIONS_CREATE,
      resource: { entity: "cart", from: "params.id" },
    }),
  ),
  rule(["POST"], "/store/carts/:id/customer", REFUSED.identities),
  rule(["POST", "DELETE"], "/store/carts/:id/promotions", REFUSED.unused),
  rule(READ, "/store/shipping-options", {
    kind: "owner",
    actors: ["customer"],
    resource: { entity: "cart", from: "query.cart_id" },
  }),
  rule(["POST"], "/store/shipping-options/:id/calculate", {
    kind: "owner",
    actors: ["customer"],
    resource: { entity: "cart", from: "body.cart_id" },
  }),
  // orders: Medusa lists the caller's own; one order only for its agency
  rule(READ, "/store/orders", customer()),
  rule(READ, "/store/orders/:id", { kind: "owner", actors: ["customer"], resource: { entity: "order", from: "params.id" } }),
  ...family("/store/orders/:id/transfer", REFUSED.payments, REFUSED.payments),
  rule(["POST"], "/store/returns", {
    kind: "owner",
    actors: ["customer"],
    permission: P.RECEPTION_RECORD,
    resource: { entity: "order", from: "body.order_id" },
  }),
  // payment: the owning agency's buyers, with its own budget keys
  rule(["POST"], "/store/payment-collections", {
    kind: "owner",
    actors: ["customer"],
    permission: P.REQUISITIONS_CREATE,
    resource: { entity: "cart", from: "body.cart_id" },
  }),
  rule(["POST"], "/store/payment-collections/:id/payment-sessions", {
    kind: "owner",
    actors: ["customer"],
    permission: P.REQUISITIONS_CREATE,
    resource: { entity: "payment_collection", from: "params.id" },
  }),
  rule(READ, "/store/payment-providers", customer()),
]

const ANY_ACTOR = ["user", "customer", "supplier", "observer", "auditor"] as const

const AUTH: RouteRule[] = [
  rule(["POST"], "/auth/session", PUBLIC),
  rule(["DELETE"], "/auth/session", PUBLIC),
  rule(["POST"], "/auth/token/refresh", { kind: "authenticated", actors: [...ANY_ACTOR] }),
  rule(["GET", "POST"], "/auth/:actor_type/:auth_provider", PUBLIC),
  rule(["GET", "POST"], "/auth/:actor_type/:auth_provider/callback", PUBLIC),
  rule(READ, "/auth/:actor_type/providers", PUBLIC),
  rule(["POST"], "/auth/:actor_type/:auth_provider/reset-password", PUBLIC),
  rule(["POST"], "/auth/:actor_type/:auth_provider/update", PUBLIC),
  rule(["POST"], "/auth/:actor_type/:auth_provider/register", REFUSED.selfService),
  rule(["POST"], "/auth/:auth_provider/user", REFUSED.selfService),
  ...family("/auth/verification", REFUSED.selfService, REFUSED.selfService),
  ...family("/auth/mfa", REFUSED.unused, REFUSED.unused),
]

const OTHER: RouteRule[] = [
  rule(["POST"], "/hooks/payment/:provider", PUBLIC),
  ...family("/cloud", REFUSED.unused, REFUSED.unused),
  rule(READ, "/health", PUBLIC),
  // the admin dashboard's static files (its API calls are /admin routes)
  rule(READ, "/app/**", PUBLIC),
]

export const MEDUSA_ROUTE_RULES: RouteRule[] = [...ADMIN, ...STORE, ...AUTH, ...OTHER]
