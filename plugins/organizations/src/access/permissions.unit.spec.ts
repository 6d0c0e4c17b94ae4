import { PERMISSION_LABELS_ES } from "./labels"
import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS } from "./permissions"
import { ROLES, getRole } from "./roles"

describe("role-permission matrix defaults", () => {
  const all = Object.values(PERMISSIONS)

  it("defines every role once, each with at least its own profile", () => {
    expect(new Set(ROLES.map((r) => r.code)).size).toBe(13)
    for (const r of ROLES) {
      expect(DEFAULT_ROLE_PERMISSIONS[r.code]).toContain("profile:read")
    }
  })

  it("labels every permission in Spanish", () => {
    expect(Object.keys(PERMISSION_LABELS_ES).sort()).toEqual([...all].sort())
  })

  it("keeps segregation of duties", () => {
    const holders = (p: string) =>
      Object.entries(DEFAULT_ROLE_PERMISSIONS)
        .filter(([, perms]) => perms.includes(p as never))
        .map(([r]) => r)
    // identity administration is not mixed with procurement decisions
    expect(holders("people:manage")).toEqual(["system_admin"])
    expect(DEFAULT_ROLE_PERMISSIONS.system_admin).not.toContain("requisitions:approve")
    // buyers never review their own offers nor read the audit ledger
    expect(holders("offers:review")).toEqual(["shcp_contract_admin"])
    expect(holders("audit_ledger:read")).toEqual(["auditor"])
    // the requester creates; approving is somebody else's role
    expect(DEFAULT_ROLE_PERMISSIONS.requiring_unit).not.toContain("requisitions:approve")
    // the Payment Request Typist captures a payment; the budget area authorises its CLC
    expect(holders("payment_requests:authorize")).toEqual(["budget"])
    expect(holders("payment_requests:create")).toEqual(["payment_typist"])
    // each side signs only for itself
    expect(holders("contracts:sign_supplier")).toEqual(["supplier_user"])
    expect(holders("contracts:sign_agency")).toEqual(["purchasing_unit"])
    // observers and auditors only read
    for (const r of ["observer", "auditor"] as const) {
      expect(DEFAULT_ROLE_PERMISSIONS[r].every((p) => /:(read|observe)$/.test(p))).toBe(true)
    }
  })

  it("scopes agency roles to a unit and SHCP roles to no unit", () => {
    expect(getRole("budget")).toEqual(expect.objectContaining({ actor_type: "customer", unit_scoped: true }))
    expect(getRole("shcp_contract_admin")).toEqual(expect.objectContaining({ actor_type: "user", unit_scoped: false }))
    expect(getRole("supplier_user")?.actor_type).toBe("supplier")
    expect(getRole("nope")).toBeUndefined()
  })
})
