import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS as P } from "@tienda/organizations/utils"
import { DASHBOARD_SECTIONS, dashboardMenu, jwtClaims, staffOnlyMessage } from "./dashboard"
import { MEDUSA_ROUTE_RULES } from "./medusa-routes"
import { RouteMap, type RouteRule } from "./policy"

const plugin = (path: string, permission: (typeof P)[keyof typeof P]): RouteRule => ({
  methods: ["GET"],
  path,
  policy: { kind: "permission", actors: ["user"], permission },
  source: "test",
})
const map = new RouteMap([
  plugin("/admin/offer-requests", P.OFFERS_REVIEW),
  plugin("/admin/organizations", P.ORGANIZATIONS_READ),
  ...MEDUSA_ROUTE_RULES,
])
const hidden = (permissions: string[]) =>
  dashboardMenu(map, { actor_type: "user", permissions: permissions as never })
    .filter((s) => !s.visible)
    .map((s) => s.path)

describe("the dashboard's menus", () => {
  it("hides the shop's features from every SHCP official, whatever their roles", () => {
    const all = Object.values(P)
    for (const path of [
      "/promotions",
      "/campaigns",
      "/price-lists",
      "/gift-cards",
      "/draft-orders",
      "/inventory",
      "/reservations",
      "/settings/sales-channels",
      "/settings/regions",
      "/settings/users",
      "/settings/secret-api-keys",
      "/settings/publishable-api-keys",
    ]) {
      expect([path, hidden(all).includes(path)]).toEqual([path, true])
    }
    expect(hidden(all)).not.toContain("/orders")
    expect(hidden(all)).not.toContain("/settings/profile")
  })

  it("shows a section only when the guard would answer its page's first read to the caller", () => {
    // the planning official browses the catalog and organizations but reviews no offers, reads no orders
    const planning = hidden([P.OWN_PROFILE_READ, P.ORGANIZATIONS_READ, P.CATALOG_BROWSE])
    expect(planning).toEqual(expect.arrayContaining(["/offer-requests", "/orders", "/customers"]))
    expect(planning).not.toContain("/products")
    expect(planning).not.toContain("/organizations")
    const reviewer = hidden([P.OWN_PROFILE_READ, P.OFFERS_REVIEW, P.SPECIFIC_CONTRACTS_READ_ALL])
    expect(reviewer).not.toContain("/offer-requests")
    expect(reviewer).not.toContain("/orders")
    expect(reviewer).toContain("/organizations")
  })

  it("matches the guard for every section: never shows a page whose read is refused", () => {
    const contractAdmin = DEFAULT_ROLE_PERMISSIONS.shcp_contract_admin
    for (const s of dashboardMenu(map, { actor_type: "user", permissions: contractAdmin })) {
      const policy = map.resolve("GET", DASHBOARD_SECTIONS.find((d) => d.path === s.path)!.api)?.policy
      if (s.visible) {
        expect([s.path, policy?.kind]).not.toEqual([s.path, "refused"])
      }
    }
  })
})

describe("the dashboard's login", () => {
  it("tells a supplier or agency account, in Spanish, that the dashboard is for SHCP staff", () => {
    expect(staffOnlyMessage(["supplier"])).toBe(
      "El panel de administración es solo para el personal de la SHCP. Tu cuenta es de proveedor: entra por la Tienda Digital (el sitio de compras) con el mismo correo y contraseña.",
    )
    expect(staffOnlyMessage(["customer"])).toContain("Tu cuenta es de personal de dependencia o entidad:")
    expect(staffOnlyMessage([])).toBe(
      "El panel de administración es solo para el personal de la SHCP. Entra por la Tienda Digital (el sitio de compras) con el mismo correo y contraseña.",
    )
  })

  it("reads the claims of a token and survives a malformed one", () => {
    const token = ["e30", Buffer.from(JSON.stringify({ actor_id: "", auth_identity_id: "authid_1" })).toString("base64url"), "sig"].join(
      ".",
    )
    expect(jwtClaims(token)).toEqual({ actor_id: "", auth_identity_id: "authid_1" })
    expect(jwtClaims("no-es-un-token")).toBeNull()
    expect(jwtClaims("a.%%%.b")).toBeNull()
  })
})
