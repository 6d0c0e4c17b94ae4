import request from "supertest"
import type { RoleCode } from "@tienda/organizations/utils"
import { describeApp } from "../utils/runner"
import { login } from "../utils/world"

/**
 * For every role, one route it may not use, and the reason it is refused.
 * Customer routes live under /store (publishable key required).
 */
const DENIED: Record<RoleCode, { method: "get" | "post"; path: string; code: string }> = {
  shcp_contract_admin: { method: "post", path: "/admin/organizations", code: "PERMISO_DENEGADO" },
  shcp_planning: { method: "post", path: "/admin/people", code: "PERMISO_DENEGADO" },
  system_admin: { method: "get", path: "/auditor/organizations", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  requiring_unit: { method: "get", path: "/supplier/me", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  purchasing_unit: { method: "get", path: "/auditor/me", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  purchasing_operator: { method: "get", path: "/store/organization/people", code: "PERMISO_DENEGADO" },
  budget: { method: "get", path: "/observer/me", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  contract_admin: { method: "post", path: "/supplier/me", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  reception_manager: { method: "get", path: "/store/organization/people", code: "PERMISO_DENEGADO" },
  payment_typist: { method: "get", path: "/store/organization/people", code: "PERMISO_DENEGADO" },
  supplier_user: { method: "get", path: "/store/me", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  observer: { method: "get", path: "/auditor/organizations", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
  auditor: { method: "get", path: "/store/organization", code: "TIPO_DE_CUENTA_NO_PERMITIDO" },
}

const ME: Record<string, string> = {
  user: "/admin/role-permissions",
  customer: "/store/me",
  supplier: "/supplier/me",
  observer: "/observer/me",
  auditor: "/auditor/me",
}

describeApp("access control", ({ world, baseUrl }) => {
  const call = (method: "get" | "post", path: string, token?: string) => {
    let r = request(baseUrl())[method](path)
    if (path.startsWith("/store")) {
      r = r.set("x-publishable-api-key", world().publishableKey)
    }
    if (token) {
      r = r.set("authorization", `Bearer ${token}`)
    }
    return method === "post" ? r.send({}) : r
  }

  it("answers /health", async () => {
    const res = await request(baseUrl()).get("/health")
    expect(res.status).toBe(200)
  })

  it.each(Object.entries(DENIED))("refuses %s on a route it may not use with 403 and a specific Spanish message", async (role, denied) => {
    const actor = world().actors[role as RoleCode]
    const res = await call(denied.method, denied.path, actor.token)
    expect(res.status).toBe(403)
    expect(res.body.code).toBe(denied.code)
    expect(res.body.message).toMatch(/(Tu tipo de cuenta|Tus roles)/)
  })

  it.each(Object.keys(DENIED))("lets %s read its own profile", async (role) => {
    const actor = world().actors[role as RoleCode]
    const res = await call("get", ME[actor.actor_type], actor.token)
    expect(res.status).toBe(200)
    if (actor.actor_type !== "user") {
      expect(res.body.profile.email).toBe(actor.email)
      expect(res.body.profile.roles.map((r: { role: string }) => r.role)).toEqual([role])
    }
  })

  it.each([
    ["get", "/store/me"],
    ["get", "/store/organization"],
    ["get", "/supplier/me"],
    ["post", "/supplier/me"],
    ["get", "/observer/me"],
    ["get", "/auditor/organizations"],
    ["get", "/admin/organizations"],
    ["post", "/admin/people"],
  ] as const)("refuses unauthenticated %s %s with 401", async (method, path) => {
    const res = await call(method, path)
    expect(res.status).toBe(401)
  })

  it("explains 401 in Spanish on custom routes", async () => {
    const res = await call("get", "/supplier/me")
    expect(res.body).toEqual(expect.objectContaining({ code: "NO_AUTENTICADO", message: expect.stringContaining("Inicia sesión") }))
  })

  it("refuses a forged or expired token", async () => {
    const res = await call("get", "/store/me", "eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6IngifQ.bad")
    expect(res.status).toBe(401)
  })

  it("applies a change of the role-permission matrix on the next request, and can undo it", async () => {
    const admin = world().actors.system_admin.token
    const reception = world().actors.reception_manager.token
    expect((await call("get", "/store/organization/people", reception)).status).toBe(403)

    const matrix = await call("get", "/admin/role-permissions", admin)
    const current: string[] = matrix.body.roles.find((r: { code: string }) => r.code === "reception_manager").permissions
    const grant = await request(baseUrl())
      .post("/admin/role-permissions/reception_manager")
      .set("authorization", `Bearer ${admin}`)
      .send({ permissions: [...current, "agency_directory:read"] })
    expect(grant.status).toBe(200)
    expect((await call("get", "/store/organization/people", reception)).status).toBe(200)

    const revoke = await request(baseUrl())
      .post("/admin/role-permissions/reception_manager")
      .set("authorization", `Bearer ${admin}`)
      .send({ permissions: current })
    expect(revoke.status).toBe(200)
    expect((await call("get", "/store/organization/people", reception)).status).toBe(403)
  })

  it("does not let the system administrator lock themself out of the matrix", async () => {
    const admin = world().actors.system_admin.token
    const res = await request(baseUrl())
      .post("/admin/role-permissions/system_admin")
      .set("authorization", `Bearer ${admin}`)
      .send({ permissions: ["profile:read"] })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe("BLOQUEO_DE_ADMINISTRACION")
    const matrix = await call("get", "/admin/role-permissions", admin)
    expect(matrix.body.roles.find((r: { code: string }) => r.code === "system_admin").permissions).toContain("role_permissions:manage")
  })

  it("refuses unknown permissions and roles in the matrix", async () => {
    const admin = world().actors.system_admin.token
    const bad = await request(baseUrl())
      .post("/admin/role-permissions/budget")
      .set("authorization", `Bearer ${admin}`)
      .send({ permissions: ["todo:lo"] })
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe("PERMISO_DESCONOCIDO")
    const role = await request(baseUrl())
      .post("/admin/role-permissions/rey")
      .set("authorization", `Bearer ${admin}`)
      .send({ permissions: [] })
    expect(role.status).toBe(400)
    expect(role.body.code).toBe("ROL_DESCONOCIDO")
  })

  it("stops honouring a role once it is revoked, while keeping its history", async () => {
    const admin = world().actors.system_admin.token
    const budget = world().actors.budget
    expect((await call("get", "/store/organization/people", budget.token)).status).toBe(200)

    const person = await request(baseUrl())
      .get(`/admin/people?q=${encodeURIComponent(budget.email)}`)
      .set("authorization", `Bearer ${admin}`)
    const assignment = person.body.people[0].role_assignments[0]
    const del = await request(baseUrl()).delete(`/admin/role-assignments/${assignment.id}`).set("authorization", `Bearer ${admin}`)
    expect(del.status).toBe(200)

    const after = await call("get", "/store/organization/people", budget.token)
    expect(after.status).toBe(403)
    expect(after.body.message).toContain("ninguno vigente")

    const again = await request(baseUrl()).delete(`/admin/role-assignments/${assignment.id}`).set("authorization", `Bearer ${admin}`)
    expect(again.status).toBe(400)
    expect(again.body.code).toBe("ASIGNACION_YA_TERMINADA")

    const history = await request(baseUrl())
      .get(`/admin/people?q=${encodeURIComponent(budget.email)}`)
      .set("authorization", `Bearer ${admin}`)
    expect(history.body.people[0].role_assignments[0].valid_until).not.toBeNull()
  })

  it("grants a role with a future start date that is not honoured before it starts", async () => {
    const admin = world().actors.system_admin.token
    const reception = world().actors.reception_manager
    const future = new Date(Date.now() + 7 * 86400000).toISOString()
    const res = await request(baseUrl())
      .post(`/admin/people/${reception.person_id}/role-assignments`)
      .set("authorization", `Bearer ${admin}`)
      .send({ roles: [{ role: "budget", unit_id: world().units["SSA-PRES"], valid_from: future }] })
    expect(res.status).toBe(201)
    expect((await call("get", "/store/organization/people", reception.token)).status).toBe(403)
  })

  it("does not turn an agency login into a supplier account", async () => {
    const token = await login(baseUrl(), "supplier", world().actors.budget.email)
    const res = await call("get", "/supplier/me", token)
    expect(res.status).toBe(401)
  })
})
