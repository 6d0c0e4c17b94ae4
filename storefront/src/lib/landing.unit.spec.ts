// eslint-disable-next-line no-restricted-imports -- test only: checks the landing against the role matrix itself
import { DEFAULT_ROLE_PERMISSIONS, ROLES } from "@tienda/organizations/utils"
import { landingFor } from "./landing"

describe("where a person lands after logging in", () => {
  it("sends every storefront role to a page its permissions open: suppliers to their orders, signers to their contracts, approvers who do not buy to their inbox, the Reception Manager to the receptions, the Payment Request Typist to the payments, the rest to the catalog", () => {
    const storefrontRoles = ROLES.filter((r) => r.actor_type === "customer" || r.actor_type === "supplier")
    expect(storefrontRoles.length).toBeGreaterThanOrEqual(8)
    for (const role of storefrontRoles) {
      const permissions = DEFAULT_ROLE_PERMISSIONS[role.code] as string[]
      const landing = landingFor({ actor_type: role.actor_type, permissions })
      // /contratos lists contracts to sign: only for roles that sign; /buscar needs catalog:browse
      if (landing === "/proveedor/pedidos") {
        // the supplier's orders need a supplier account that reads its contracts
        expect(role.actor_type).toBe("supplier")
        expect(permissions).toContain("specific_contracts:read")
      } else if (landing === "/recepciones") {
        expect(role.actor_type).toBe("customer")
        expect(permissions).toContain("reception:record")
      } else if (landing === "/pagos") {
        expect(role.actor_type).toBe("customer")
        expect(permissions).toContain("payment_requests:create")
      } else if (landing === "/contratos") {
        expect(permissions.some((p) => p.startsWith("contracts:sign_"))).toBe(true)
      } else if (landing === "/aprobaciones") {
        // the inbox needs an approving role of an agency
        expect(role.actor_type).toBe("customer")
        expect(permissions.some((p) => p.startsWith("requisitions:approve"))).toBe(true)
      } else {
        expect(landing).toBe("/buscar")
        expect(permissions).toContain("catalog:browse")
      }
    }
    expect(landingFor({ actor_type: "customer", permissions: ["catalog:browse", "requisitions:create"] })).toBe("/buscar")
    expect(landingFor({ actor_type: "customer", permissions: ["catalog:browse", "contracts:sign_agency"] })).toBe("/contratos")
    // Presupuesto approves and never buys: the inbox; the unit's head buys and approves: the catalog
    expect(landingFor({ actor_type: "customer", permissions: DEFAULT_ROLE_PERMISSIONS.budget as string[] })).toBe("/aprobaciones")
    expect(
      landingFor({ actor_type: "customer", permissions: ["catalog:browse", "requisitions:create", "requisitions:approve_unit"] }),
    ).toBe("/buscar")
    // the supplier lands on its orders, the Reception Manager on the shipments to receive
    expect(landingFor({ actor_type: "supplier", permissions: DEFAULT_ROLE_PERMISSIONS.supplier_user as string[] })).toBe(
      "/proveedor/pedidos",
    )
    expect(landingFor({ actor_type: "customer", permissions: DEFAULT_ROLE_PERMISSIONS.reception_manager as string[] })).toBe("/recepciones")
    // the Payment Request Typist on the invoices and payment requests
    expect(landingFor({ actor_type: "customer", permissions: DEFAULT_ROLE_PERMISSIONS.payment_typist as string[] })).toBe("/pagos")
    // a supplier account without its contracts' read permission is not sent to a page it cannot open
    expect(landingFor({ actor_type: "supplier", permissions: ["contracts:sign_supplier"] })).toBe("/contratos")
  })
})
