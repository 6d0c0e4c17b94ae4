import request from "supertest"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrganizationWorkflow } from "@tienda/organizations/workflows"
import { makeRfc } from "../../seed/src/rfc"
import { auditLedger } from "../utils/audit"
import { describeApp } from "../utils/runner"
import { login, PASSWORD } from "../utils/world"
import { failAtEnd } from "./framework-contracts/fixtures"

describeApp("organizations, units and people", ({ world, baseUrl, container }) => {
  const admin = () => world().actors.system_admin.token
  const post = (path: string, body: unknown, token = admin()) =>
    request(baseUrl())
      .post(path)
      .set("authorization", `Bearer ${token}`)
      .send(body as object)
  const get = (path: string, token = admin()) => request(baseUrl()).get(path).set("authorization", `Bearer ${token}`)
  const store = (path: string, token: string) =>
    request(baseUrl()).get(path).set("authorization", `Bearer ${token}`).set("x-publishable-api-key", world().publishableKey)

  const ledger = auditLedger(container)
  const adminActorId = () => ledger.actorIdOf(world().actors.system_admin.person_id)
  const byAdmin = async () => ({ actor_type: "user", actor_id: await adminActorId(), role: "system_admin" })

  const count = async (entity: string) => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity, fields: ["id"] })
    return data.length
  }

  const agency = (over: Record<string, unknown> = {}) => ({
    kind: "agency",
    rfc: makeRfc("BIE", "181201", "QW"),
    legal_name: "Secretaría de Bienestar",
    regimen_fiscal: "603",
    codigo_postal: "06600",
    agency_type: "dependencia",
    ramo: "20",
    units: [
      { code: "BIE-UC", name: "Unidad Compradora", kind: "purchasing_unit", state_code: "CMX", codigo_postal: "06600" },
      { code: "BIE-AR01", name: "Área Requirente", kind: "requiring_area", state_code: "OAX", codigo_postal: "68000" },
    ],
    ...over,
  })

  it("registers an agency with its units, recorded in the audit ledger by the administrator", async () => {
    const base = await ledger.head()
    const res = await post("/admin/organizations", agency())
    expect(res.status).toBe(201)
    expect(await ledger.since(base)).toEqual([
      expect.objectContaining({
        ...(await byAdmin()),
        action: "organization.created",
        entity_type: "organization",
        entity_id: res.body.organization.id,
        after_digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        details: expect.objectContaining({ kind: "agency", units: expect.arrayContaining(["BIE-UC", "BIE-AR01"]) }),
      }),
    ])
    expect(res.body.organization).toEqual(
      expect.objectContaining({ kind: "agency", rfc: makeRfc("BIE", "181201", "QW"), legal_name: "Secretaría de Bienestar" }),
    )
    expect(res.body.organization.units.map((u: { code: string }) => u.code).sort()).toEqual(["BIE-AR01", "BIE-UC"])
    const list = await get("/admin/organizations?kind=agency&q=bienestar")
    expect(list.body.count).toBe(1)
    // ?fields= narrows each record (query-config.ts); an unknown field is a clear 400, never ignored
    const narrow = await get("/admin/organizations?kind=agency&q=bienestar&fields=rfc,legal_name")
    expect(narrow.body.organizations).toEqual([{ rfc: makeRfc("BIE", "181201", "QW"), legal_name: "Secretaría de Bienestar" }])
    const unknown = await get("/admin/organizations?fields=rfc,password_hash")
    expect([unknown.status, unknown.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    // the detail route too: columns only, or the defaults without its units
    const id = res.body.organization.id
    expect((await get(`/admin/organizations/${id}?fields=id,rfc`)).body.organization).toEqual({ id, rfc: makeRfc("BIE", "181201", "QW") })
    const noUnits = (await get(`/admin/organizations/${id}?fields=-units`)).body.organization
    expect(noUnits).toEqual(expect.objectContaining({ id, legal_name: "Secretaría de Bienestar" }))
    expect(noUnits).not.toHaveProperty("units")
    expect((await get(`/admin/organizations/${id}`)).body.organization.units).toHaveLength(2)
    const unknownDetail = await get(`/admin/organizations/${id}?fields=units.password`)
    expect([unknownDetail.status, unknownDetail.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    expect(unknown.body.message).toContain("password_hash")
  })

  it.each([
    ["an RFC with a bad structure", { rfc: "SSA63050" }, "DATOS_INVALIDOS"],
    ["an RFC with an impossible date", { rfc: "SSA631302CU1" }, "RFC_INVALIDO"],
    ["the generic RFC", { rfc: "XAXX010101000" }, "RFC_GENERICO"],
    ["a persona física RFC for an agency", { rfc: makeRfc("GOMA", "800101", "AB") }, "RFC_TIPO_INCORRECTO"],
    ["an RFC already registered", { rfc: makeRfc("SSA", "630502", "CU") }, "RFC_DUPLICADO"],
    ["a régimen fiscal that is not in c_RegimenFiscal", { regimen_fiscal: "999" }, "REGIMEN_FISCAL_INVALIDO"],
    ["a régimen for personas físicas only", { regimen_fiscal: "605" }, "REGIMEN_FISCAL_NO_APLICA"],
    ["a malformed código postal", { codigo_postal: "6600" }, "CODIGO_POSTAL_INVALIDO"],
    ["an unknown field", { favorito: true }, "DATOS_INVALIDOS"],
    [
      "a unit in a state that is not in c_Estado",
      { units: [{ code: "X-1", name: "Unidad X", kind: "reception", state_code: "XYZ", codigo_postal: "06600" }] },
      "ENTIDAD_FEDERATIVA_INVALIDA",
    ],
    [
      "two units with the same code",
      {
        units: [
          { code: "X-1", name: "Unidad X", kind: "reception", state_code: "CMX", codigo_postal: "06600" },
          { code: "X-1", name: "Unidad Y", kind: "finance", state_code: "CMX", codigo_postal: "06600" },
        ],
      },
      "CLAVE_UNIDAD_REPETIDA",
    ],
  ])("refuses %s with 400, a specific code, and creates (and audits) nothing", async (_label, over, code) => {
    const before = { orgs: await count("organization"), units: await count("organization_unit") }
    const base = await ledger.head()
    const res = await post("/admin/organizations", agency(over))
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(code)
    expect(res.body.message).toMatch(/[áéíóúñ]|RFC|campo|régimen|código|unidad/i)
    expect({ orgs: await count("organization"), units: await count("organization_unit") }).toEqual(before)
    expect(await ledger.since(base)).toEqual([])
  })

  it("a registration that fails after the ledger entry leaves the entry and its reversal, and no organization", async () => {
    const before = await count("organization")
    const base = await ledger.head()
    const { transaction } = await failAtEnd(createOrganizationWorkflow(container())).run({ throwOnError: false, input: agency() as never })
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await count("organization")).toBe(before)
    const entries = await ledger.since(base)
    expect(entries.map((e) => e.action)).toEqual(["organization.created", "organization.created.reverted"])
    // Run without a caller (seed, jobs): the system is the actor.
    expect(entries[0]).toMatchObject({ actor_type: "system", actor_id: "organizations-create-organization", role: null })
    expect(entries[1]).toMatchObject({
      entity_id: entries[0].entity_id,
      before_digest: entries[0].after_digest,
      after_digest: null,
      details: { reverts_sequence: entries[0].sequence },
    })
  })

  it("accepts a persona física supplier with régimen 612", async () => {
    const res = await post("/admin/organizations", {
      kind: "supplier",
      rfc: makeRfc("LOGM", "780523", "K5"),
      legal_name: "María Fernanda López García",
      regimen_fiscal: "612",
      codigo_postal: "68000",
      sme_size: "micro",
    })
    expect(res.status).toBe(201)
  })

  it("refuses units for a supplier", async () => {
    const res = await post(`/admin/organizations/${world().orgs.supplier}/units`, {
      units: [{ code: "P-1", name: "Bodega", kind: "reception", state_code: "CMX", codigo_postal: "06600" }],
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe("UNIDADES_SOLO_EN_DEPENDENCIAS")
  })

  const person = (over: Record<string, unknown> = {}) => ({
    organization_id: world().orgs.agencyA,
    full_name: "Rosa Elena Castañeda Lugo",
    email: "rosa.castaneda@salud.prueba.gob.mx",
    rfc: makeRfc("CALR", "850214", "H2"),
    position: "Jefa de Departamento de Adquisiciones",
    password: "Una-Contrasena-Larga-1",
    roles: [{ role: "purchasing_operator", unit_id: world().units["SSA-UC"] }],
    ...over,
  })

  it("creates a person who can log in at once with the roles granted", async () => {
    const base = await ledger.head()
    const res = await post("/admin/people", person())
    expect(res.status).toBe(201)
    const entries = await ledger.since(base)
    expect(entries).toEqual([
      expect.objectContaining({
        ...(await byAdmin()),
        action: "person.created",
        entity_type: "person",
        entity_id: res.body.person.id,
        details: expect.objectContaining({
          actor_type: "customer",
          roles: [{ role: "purchasing_operator", unit_id: world().units["SSA-UC"] }],
        }),
      }),
    ])
    expect(JSON.stringify(entries)).not.toContain("Una-Contrasena-Larga-1")
    expect(res.body.person.role_assignments).toHaveLength(1)
    const token = await login(baseUrl(), "customer", "rosa.castaneda@salud.prueba.gob.mx", "Una-Contrasena-Larga-1")
    const me = await store("/store/me", token)
    expect(me.status).toBe(200)
    expect(me.body.profile.roles[0]).toEqual(
      expect.objectContaining({
        role: "purchasing_operator",
        unit_id: world().units["SSA-UC"],
        label_es: "Operador de la Unidad Compradora",
      }),
    )
    expect(me.body.profile.permissions).toContain("requisitions:create")
  })

  it.each([
    ["a role of another kind of organization", { roles: [{ role: "supplier_user" }] }, "ROL_NO_CORRESPONDE_A_ORGANIZACION"],
    ["a unit-scoped role without unit", { roles: [{ role: "budget" }] }, "UNIDAD_REQUERIDA"],
    ["a unit of another agency", { roles: [{ role: "budget", unit_id: "SEP-PRES" }] }, "UNIDAD_DE_OTRA_ORGANIZACION"],
    [
      "an organization-wide role with a unit",
      { organization_id: "shcp", roles: [{ role: "system_admin", unit_id: "SSA-UC" }] },
      "UNIDAD_NO_APLICA",
    ],
    ["an e-mail already in use", { email: "budget@prueba.gob.mx" }, "CORREO_DUPLICADO"],
    ["a persona moral RFC", { rfc: makeRfc("SSA", "630502", "CU") }, "RFC_TIPO_INCORRECTO"],
    ["a short password", { password: "corta" }, "DATOS_INVALIDOS"],
    [
      "an end date before the start",
      { roles: [{ role: "budget", unit_id: "SSA-PRES", valid_from: "2026-05-01T00:00:00Z", valid_until: "2026-04-01T00:00:00Z" }] },
      "VIGENCIA_INVALIDA",
    ],
  ])("refuses a person with %s, and leaves no login behind", async (_label, over, code) => {
    const body = person(over as Record<string, unknown>) as Record<string, any>
    body.roles = (body.roles as { role: string; unit_id?: string }[]).map((r) => ({
      ...r,
      ...(r.unit_id ? { unit_id: world().units[r.unit_id] ?? r.unit_id } : {}),
    }))
    if (body.organization_id === "shcp") {
      body.organization_id = world().orgs.shcp
    }
    const before = await count("person")
    const base = await ledger.head()
    const res = await post("/admin/people", body)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(code)
    expect(await count("person")).toBe(before)
    expect(await ledger.since(base)).toEqual([])
    if (code !== "CORREO_DUPLICADO") {
      const auth = await request(baseUrl()).post("/auth/customer/emailpass").send({ email: body.email, password: body.password })
      expect(auth.status).toBe(401)
    }
  })

  it("records role grants, revocations and matrix changes with the administrator as actor", async () => {
    const base = await ledger.head()
    const budget = world().actors.budget
    const grant = await post(`/admin/people/${budget.person_id}/role-assignments`, {
      roles: [{ role: "reception_manager", unit_id: world().units["SSA-ALM"] }],
    })
    expect(grant.status).toBe(201)
    const assignment = grant.body.person.role_assignments.find((a: { role: string }) => a.role === "reception_manager")
    const revoked = await request(baseUrl()).delete(`/admin/role-assignments/${assignment.id}`).set("authorization", `Bearer ${admin()}`)
    expect(revoked.status).toBe(200)
    const matrix = await get("/admin/role-permissions")
    const current: string[] = matrix.body.roles.find((r: { code: string }) => r.code === "observer").permissions
    expect((await post("/admin/role-permissions/observer", { permissions: current })).status).toBe(200)
    const refused = await post("/admin/role-permissions/system_admin", { permissions: ["profile:read"] })
    expect(refused.status).toBe(400)
    const entries = await ledger.since(base)
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ["person.roles_granted", "person", budget.person_id],
      ["role_assignment.ended", "role_assignment", assignment.id],
      ["role_permissions.set", "role", "observer"],
    ])
    const admin_ = await byAdmin()
    for (const e of entries) {
      expect(e).toMatchObject(admin_)
    }
    expect(entries[2].details).toEqual({ permissions: [...current].sort() })
  })

  it("refuses to mix roles that log in as different account types", async () => {
    const res = await post(`/admin/people/${world().actors.budget.person_id}/role-assignments`, {
      roles: [{ role: "auditor" }],
    })
    expect(res.status).toBe(400)
    expect(res.body.code).toBe("ROLES_DE_TIPOS_DISTINTOS")
  })

  it("shows agency staff only their own agency and its directory", async () => {
    const mine = await store("/store/organization", world().actors.budget.token)
    expect(mine.status).toBe(200)
    expect(mine.body.organization.id).toBe(world().orgs.agencyA)
    const other = await store("/store/organization", world().otherAgencyActor.token)
    expect(other.body.organization.id).toBe(world().orgs.agencyB)

    const dir = await store("/store/organization/people", world().actors.budget.token)
    expect(dir.status).toBe(200)
    const emails = dir.body.people.map((p: { email: string }) => p.email)
    expect(emails).toContain(world().actors.requiring_unit.email)
    expect(emails).not.toContain(world().otherAgencyActor.email)
    expect(emails).not.toContain(world().actors.supplier_user.email)
  })

  it("lets a supplier keep its contact data current, and nothing else", async () => {
    const base = await ledger.head()
    const token = world().actors.supplier_user.token
    const ok = await request(baseUrl())
      .post("/supplier/me")
      .set("authorization", `Bearer ${token}`)
      .send({ phone: "+52 477 123 4567", email: "contacto@papeleria-bajio.mx" })
    expect(ok.status).toBe(200)
    expect(ok.body.supplier).toEqual(expect.objectContaining({ phone: "+52 477 123 4567", email: "contacto@papeleria-bajio.mx" }))

    const sneaky = await request(baseUrl())
      .post("/supplier/me")
      .set("authorization", `Bearer ${token}`)
      .send({ rfc: "XAXX010101000", organization_id: world().orgs.supplier2 })
    expect(sneaky.status).toBe(400)
    expect(sneaky.body.code).toBe("DATOS_INVALIDOS")
    const other = await get(`/admin/organizations/${world().orgs.supplier2}`)
    expect(other.body.organization.email).toBeNull()
    // Supplier users are their own actor: the actor id is the person id.
    expect(await ledger.since(base)).toEqual([
      expect.objectContaining({
        action: "organization.contact_updated",
        entity_type: "organization",
        entity_id: world().orgs.supplier,
        actor_type: "supplier",
        actor_id: world().actors.supplier_user.person_id,
        role: "supplier_user",
        details: { fields: ["email", "phone"] },
      }),
    ])
  })

  it("lets the system administrator edit an organization and a person, audited, and nobody else", async () => {
    const base = await ledger.head()
    const org = world().orgs.supplier2
    const edited = await post(`/admin/organizations/${org}`, { legal_name: "Papelería del Norte, S.A. de C.V.", sme_size: "pequena" })
    expect(edited.status).toBe(200)
    expect(edited.body.organization).toEqual(
      expect.objectContaining({ legal_name: "Papelería del Norte, S.A. de C.V.", sme_size: "pequena" }),
    )

    const person = world().actors.budget.person_id
    const renamed = await post(`/admin/people/${person}`, { full_name: "Teresa Ríos Landa", position: "Jefa de Presupuesto" })
    expect(renamed.status).toBe(200)
    expect(renamed.body.person).toEqual(expect.objectContaining({ full_name: "Teresa Ríos Landa", position: "Jefa de Presupuesto" }))
    expect(await ledger.since(base)).toEqual([
      expect.objectContaining({
        ...(await byAdmin()),
        action: "organization.updated",
        entity_id: org,
        details: { fields: ["legal_name", "sme_size"] },
      }),
      expect.objectContaining({
        ...(await byAdmin()),
        action: "person.updated",
        entity_id: person,
        details: { fields: ["full_name", "position"] },
      }),
    ])

    // deactivating a person stops their token at once
    const budgetToken = world().actors.budget.token
    expect((await post(`/admin/people/${person}`, { is_active: false })).status).toBe(200)
    expect((await store("/store/me", budgetToken)).body.code).toBe("CUENTA_SIN_ALTA")
    expect((await post(`/admin/people/${person}`, { is_active: true })).status).toBe(200)
    expect((await store("/store/me", budgetToken)).status).toBe(200)

    // RFC and fiscal data are not editable; an empty change is refused; the SHCP stays active
    for (const body of [{ rfc: "XAXX010101000" }, { regimen_fiscal: "601" }, {}]) {
      const res = await post(`/admin/organizations/${org}`, body)
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 400, "DATOS_INVALIDOS"])
    }
    expect((await post(`/admin/people/${person}`, { email: "otro@prueba.gob.mx" })).body.code).toBe("DATOS_INVALIDOS")
    const shcp = await post(`/admin/organizations/${world().orgs.shcp}`, { is_active: false })
    expect([shcp.status, shcp.body.code]).toEqual([400, "SHCP_NO_SE_DESACTIVA"])
    expect((await post("/admin/organizations/org_no_existe", { legal_name: "Nadie, S.A." })).body.code).toBe("ORGANIZACION_NO_EXISTE")
    expect((await post("/admin/people/per_no_existe", { full_name: "Nadie Nadie" })).body.code).toBe("PERSONA_NO_EXISTE")

    // other SHCP roles may not edit the registry
    for (const role of ["shcp_contract_admin", "shcp_planning"] as const) {
      const token = world().actors[role].token
      const a = await post(`/admin/organizations/${org}`, { legal_name: "Intento, S.A. de C.V." }, token)
      const b = await post(`/admin/people/${person}`, { full_name: "Intento Intento" }, token)
      expect([role, a.status, a.body.code, b.status, b.body.code]).toEqual([role, 403, "PERMISO_DENEGADO", 403, "PERMISO_DENEGADO"])
    }
    expect((await get(`/admin/organizations/${org}`)).body.organization.legal_name).toBe("Papelería del Norte, S.A. de C.V.")
  })

  it("tells a supplier's or an agency's person, in Spanish, that the admin dashboard is for SHCP staff", async () => {
    const dashboardLogin = (email: string) => request(baseUrl()).post("/auth/user/emailpass").send({ email, password: PASSWORD })
    const supplier = await dashboardLogin(world().actors.supplier_user.email)
    expect(supplier.status).toBe(403)
    expect(supplier.body).toEqual({
      type: "forbidden",
      code: "PANEL_SOLO_SHCP",
      message:
        "El panel de administración es solo para el personal de la SHCP. Tu cuenta es de proveedor: entra por la Tienda Digital (el sitio de compras) con el mismo correo y contraseña.",
    })
    expect(supplier.body.token).toBeUndefined()
    const agency = await dashboardLogin(world().actors.requiring_unit.email)
    expect([agency.status, agency.body.code]).toEqual([403, "PANEL_SOLO_SHCP"])
    expect(agency.body.message).toContain("Tu cuenta es de personal de dependencia o entidad")
    // SHCP staff log in as before; a wrong password is still the same 401
    const staff = await dashboardLogin(world().actors.shcp_planning.email)
    expect(staff.status).toBe(200)
    expect(typeof staff.body.token).toBe("string")
    const wrong = await request(baseUrl())
      .post("/auth/user/emailpass")
      .send({ email: world().actors.supplier_user.email, password: "no-es-esta-1" })
    expect(wrong.status).toBe(401)

    // the menus of the dashboard follow the roles
    const menu = await get("/admin/dashboard/menu", world().actors.shcp_planning.token)
    expect(menu.status).toBe(200)
    expect(menu.body.hidden).toEqual(expect.arrayContaining(["/promotions", "/price-lists", "/orders", "/offer-requests"]))
    expect(menu.body.hidden).not.toContain("/framework-contracts")
    expect((await get("/admin/dashboard/menu", world().actors.supplier_user.token)).status).toBe(401)
  })

  it("gives auditors a read-only directory", async () => {
    const token = world().actors.auditor.token
    const res = await request(baseUrl()).get("/auditor/organizations?kind=supplier").set("authorization", `Bearer ${token}`)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(2)
  })

  it("answers 404 in Spanish for an unknown organization", async () => {
    const res = await get("/admin/organizations/org_no_existe")
    expect(res.status).toBe(404)
    expect(res.body.code).toBe("ORGANIZACION_NO_EXISTE")
  })
})
