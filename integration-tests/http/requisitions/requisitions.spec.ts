import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { writeTestCaDirectory } from "@tienda/contracts/efirma"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { DEFAULT_POLICY_STEPS } from "@tienda/requisitions/requisitions"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { makeRfc } from "../../../seed/src/rfc"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { barrier, makeKey } from "../budget/helpers"
import { contractSigners } from "../contracts/efirma-helpers"
import { catalogFixtures } from "../framework-contracts/fixtures"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification).
const pki = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "req-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

// @redis: workflow engine under concurrent submissions; the escalation scheduled job
// @redis-tests: escalates an overdue step|racing for the last budget|exactly once: 10 parallel|the whole chain: requisition

/**
 * Requisitions and their approval chain, enforced on the server: the full
 * chain, rejection, return for changes, restart on edit, delegation,
 * escalation, self-approval and cross-agency refusals, the cart gate, and
 * two requisitions racing for the last budget. Then the one legal path to an
 * order: approved requisition → specific contracts generated (one per
 * supplier) → both e.firma signatures → order released, the budget
 * committed for the contracts' totals with IVA; its refusals, and its
 * behaviour under parallel calls and injected faults.
 */
describeApp("requisitions and approval workflows", ({ world, baseUrl, container }) => {
  const { token, post, get, publishedContract, approvedOffer } = catalogFixtures(world, baseUrl, container)
  const requester = () => token("requiring_unit")
  const purchasing = () => token("purchasing_unit")
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10)

  let head: { token: string; person_id: string; email: string }
  let keyId: string
  let variantId: string

  /** The unit head: a second requiring-unit person in SSA-AR01. */
  async function unitHead() {
    const email = `titular.${Math.random().toString(36).slice(2, 8)}@prueba.gob.mx`
    const { result } = await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyA,
        full_name: "Titular del Área Requirente",
        email,
        rfc: makeRfc("TIAR", "750101", "AB"),
        password: PASSWORD,
        roles: [{ role: "requiring_unit", unit_id: world().units["SSA-AR01"] }],
      },
    })
    return { token: await login(baseUrl(), "customer", email), person_id: result.id, email }
  }

  beforeEach(async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "49.90")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [offer],
    } = await query.graph({ entity: "offer", fields: ["variant_id"] })
    variantId = offer.variant_id as string
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })).id
    head = await unitHead()
  })

  async function draft(quantity = 10, bearer = requester()) {
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, bearer)
    expect((await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id: variantId, quantity }, bearer)).status).toBe(200)
    const res = await post(
      "/store/requisitions",
      {
        cart_id: cart.body.cart.id,
        unit_id: world().units["SSA-AR01"],
        justification: "Reposición trimestral de papelería del área",
        budget_key_id: keyId,
        delivery_place: "Almacén central, Lieja 7, CDMX",
        delivery_date: tomorrow,
      },
      bearer,
    )
    expect(res.status).toBe(201)
    return res.body.requisition as { id: string; cart_id: string; total: number; status: string }
  }
  async function submitted(quantity = 10) {
    const r = await draft(quantity)
    const res = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    expect(res.status).toBe(200)
    return res.body.requisition as {
      id: string
      cart_id: string
      status: string
      approval_steps: { role: string; status: string; revision: number }[]
    }
  }
  const decide = (id: string, bearer: string, decision: string, reason?: string) =>
    post(`/store/requisitions/${id}/decisions`, { decision, ...(reason ? { reason } : {}) }, bearer)
  const keyStages = async () => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [k],
    } = await query.graph({ entity: "budget_key", fields: ["reservado", "comprometido"], filters: { id: keyId } })
    return { reservado: String(k.reservado), comprometido: String(k.comprometido) }
  }
  const notificationsTo = async (email: string) => {
    const service = container().resolve(Modules.NOTIFICATION)
    return (await service.listNotifications({ to: email })).map((n) => n.template)
  }

  it("prices the cart at the offer in force with IVA per line, and reserves the total on submission", async () => {
    const r = await draft(10)
    expect(r.status).toBe("draft")
    expect(String(r.total)).toBe("578.84") // 10 × 49.90 = 499.00 + IVA 79.84
    expect((await keyStages()).reservado).toBe("0")
    const s = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    expect(s.status).toBe(200)
    expect(s.body.requisition.status).toBe("pending_approval")
    expect(s.body.requisition.approval_steps.map((x: { role: string }) => x.role)).toEqual(["requiring_unit", "purchasing_unit"])
    expect((await keyStages()).reservado).toBe("578.84")
  })

  it("runs the full chain: unit head, then purchasing unit; records who, role and when; notifies", async () => {
    const r = await submitted()
    expect(await notificationsTo(head.email)).toContain("requisition.needs_approval")
    // the purchasing unit may not jump the queue
    const early = await decide(r.id, purchasing(), "approve")
    expect(early.status).toBe(403)
    expect(early.body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
    expect((await decide(r.id, head.token, "approve")).status).toBe(200)
    const done = await decide(r.id, purchasing(), "approve")
    expect(done.status).toBe(200)
    expect(done.body.requisition.status).toBe("approved")
    const steps = done.body.requisition.approval_steps
    expect(steps.map((x: { status: string }) => x.status)).toEqual(["approved", "approved"])
    expect(steps[0]).toEqual(
      expect.objectContaining({ decided_by_person_id: head.person_id, decided_role: "requiring_unit", decided_at: expect.any(String) }),
    )
    expect(steps[1].decided_by_person_id).toBe(world().actors.purchasing_unit.person_id)
    expect(await notificationsTo(world().actors.requiring_unit.email)).toEqual(
      expect.arrayContaining(["requisition.submitted", "requisition.approved"]),
    )
    const timeline = await get(`/store/requisitions/${r.id}`, requester())
    expect(timeline.body.requisition.status).toBe("approved")
    // the list answers only the asked fields (query-config.ts); an unknown one is a 400
    expect((await get("/store/requisitions?fields=id,status", requester())).body.requisitions).toEqual([{ id: r.id, status: "approved" }])
    const unknown = await get("/store/requisitions?fields=id,cart", requester())
    expect([unknown.status, unknown.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    // so does the detail route: `fields` narrows the requisition, `+`/`-` adjust its defaults (lines, approval_steps)
    expect((await get(`/store/requisitions/${r.id}?fields=id,status,total`, requester())).body.requisition).toEqual({
      id: r.id,
      status: "approved",
      total: timeline.body.requisition.total,
    })
    const withoutSteps = (await get(`/store/requisitions/${r.id}?fields=-approval_steps`, requester())).body.requisition
    expect(withoutSteps).not.toHaveProperty("approval_steps")
    expect(withoutSteps.lines).toEqual(timeline.body.requisition.lines)
    const unknownDetail = await get(`/store/requisitions/${r.id}?fields=id,secret`, requester())
    expect([unknownDetail.status, unknownDetail.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
  })

  it("refuses a rejection without reason (nothing changes), then rejects and releases the budget", async () => {
    const r = await submitted()
    const bare = await decide(r.id, head.token, "reject")
    expect(bare.status).toBe(400)
    expect(bare.body.code).toBe("MOTIVO_REQUERIDO")
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("pending_approval")
    const res = await decide(r.id, head.token, "reject", "No corresponde al programa anual de adquisiciones")
    expect(res.status).toBe(200)
    expect(res.body.requisition.status).toBe("rejected")
    expect(res.body.requisition.approval_steps.map((s: { status: string }) => s.status)).toEqual(["rejected", "superseded"])
    expect((await keyStages()).reservado).toBe("0")
    expect(await notificationsTo(world().actors.requiring_unit.email)).toContain("requisition.rejected")
    expect((await decide(r.id, purchasing(), "approve")).body.code).toBe("REQUISICION_NO_PENDIENTE")
  })

  it("returns for changes; the edited requisition is resubmitted and its chain starts over", async () => {
    const r = await submitted()
    expect((await decide(r.id, head.token, "return", "Ajusta la cantidad al consumo real")).body.requisition.status).toBe("returned")
    expect((await keyStages()).reservado).toBe("0")
    const edit = await post(
      `/store/requisitions/${r.id}`,
      { delivery_place: "Almacén central", delivery_date: tomorrow, lines: [{ variant_id: variantId, quantity: 5 }] },
      requester(),
    )
    expect(edit.status).toBe(200)
    expect(edit.body.requisition).toEqual(expect.objectContaining({ status: "draft", revision: 2 }))
    expect(String(edit.body.requisition.total)).toBe("289.42")
    const again = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    expect(again.status).toBe(200)
    const current = again.body.requisition.approval_steps.filter((s: { revision: number }) => s.revision === 2)
    expect(current.map((s: { status: string }) => s.status)).toEqual(["pending", "pending"])
    expect((await keyStages()).reservado).toBe("289.42")
  })

  it("editing after an approval restarts the chain: the earlier approval no longer counts", async () => {
    const r = await submitted()
    expect((await decide(r.id, head.token, "approve")).status).toBe(200)
    await post(
      `/store/requisitions/${r.id}`,
      { delivery_place: "Almacén central", delivery_date: tomorrow, lines: [{ variant_id: variantId, quantity: 12 }] },
      requester(),
    )
    const res = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    const steps = res.body.requisition.approval_steps
    expect(steps.filter((s: { revision: number }) => s.revision === 1).map((s: { status: string }) => s.status)).toEqual([
      "superseded",
      "superseded",
    ])
    // the purchasing unit still has to wait for the head, again
    expect((await decide(r.id, purchasing(), "approve")).body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
  })

  it("refuses self-approval, even though the requester holds an approving role", async () => {
    const r = await submitted()
    const res = await decide(r.id, requester(), "approve")
    expect(res.status).toBe(403)
    expect(res.body.code).toBe("AUTOAPROBACION_NO_PERMITIDA")
    const after = await get(`/store/requisitions/${r.id}`, requester())
    expect(after.body.requisition.approval_steps[0].status).toBe("pending")
  })

  it("hides a requisition from another agency and refuses its decisions (IDOR)", async () => {
    const r = await submitted()
    const other = world().otherAgencyActor.token
    expect((await get(`/store/requisitions/${r.id}`, other)).status).toBe(404)
    const res = await decide(r.id, other, "approve")
    expect(res.status).toBe(404)
    expect(res.body.code).toBe("REQUISICION_NO_EXISTE")
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.approval_steps[0].status).toBe("pending")
  })

  it("honours a delegation during its period only, and records for whom the delegate acted", async () => {
    const r = await submitted()
    await decide(r.id, head.token, "approve")
    const budgetOfficer = world().actors.budget
    expect((await decide(r.id, budgetOfficer.token, "approve")).body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
    const past = await post(
      "/store/delegations",
      {
        delegate_person_id: budgetOfficer.person_id,
        role: "purchasing_unit",
        starts_at: "2026-01-01",
        ends_at: "2026-02-01",
      },
      purchasing(),
    )
    expect(past.status).toBe(201)
    expect((await decide(r.id, budgetOfficer.token, "approve")).body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
    const now = await post(
      "/store/delegations",
      {
        delegate_person_id: budgetOfficer.person_id,
        role: "purchasing_unit",
        starts_at: new Date(Date.now() - 60000).toISOString(),
        ends_at: new Date(Date.now() + 86400000).toISOString(),
        reason: "Vacaciones",
      },
      purchasing(),
    )
    expect(now.status).toBe(201)
    const res = await decide(r.id, budgetOfficer.token, "approve")
    expect(res.status).toBe(200)
    expect(res.body.requisition.approval_steps[1]).toEqual(
      expect.objectContaining({
        decided_by_person_id: budgetOfficer.person_id,
        on_behalf_of_person_id: world().actors.purchasing_unit.person_id,
        decided_role: "purchasing_unit",
      }),
    )
    // nobody can delegate a role they do not hold
    const bogus = await post(
      "/store/delegations",
      { delegate_person_id: head.person_id, role: "budget", starts_at: "2026-01-01", ends_at: "2027-01-01" },
      purchasing(),
    )
    expect(bogus.status).toBe(400)
    expect(bogus.body.code).toBe("ROL_NO_DELEGABLE")
  })

  it("limits a delegation to the policy's maximum length and stops it the moment its delegator revokes it", async () => {
    const budgetOfficer = world().actors.budget
    const delegate = (starts: Date, ends: Date) =>
      post(
        "/store/delegations",
        {
          delegate_person_id: budgetOfficer.person_id,
          role: "purchasing_unit",
          starts_at: starts.toISOString(),
          ends_at: ends.toISOString(),
        },
        purchasing(),
      )
    const day = 86400000
    const start = new Date(Date.now() - 60000)
    // the default policy allows 90 days; a delegation to 2099 is refused and nothing is recorded
    const before = (await get("/store/delegations", purchasing())).body.given.length
    const endless = await post(
      "/store/delegations",
      { delegate_person_id: budgetOfficer.person_id, role: "purchasing_unit", starts_at: "2026-12-01", ends_at: "2099-12-31" },
      purchasing(),
    )
    expect(endless.status).toBe(400)
    expect(endless.body.code).toBe("DELEGACION_EXCEDE_PLAZO")
    expect((await get("/store/delegations", purchasing())).body.given.length).toBe(before)
    // the agency's policy sets it: 10 days from the next version on
    const policy = await post(
      "/store/approval-policy",
      {
        steps: DEFAULT_POLICY_STEPS,
        max_delegation_days: 10,
      },
      purchasing(),
    )
    expect(policy.status).toBe(201)
    expect((await delegate(start, new Date(start.getTime() + 11 * day))).body).toMatchObject({
      code: "DELEGACION_EXCEDE_PLAZO",
      message: expect.stringContaining("a lo más 10 días"),
    })
    const given = await delegate(start, new Date(start.getTime() + 10 * day))
    expect(given.status).toBe(201)
    const id = given.body.delegation.id as string

    const r = await submitted()
    await decide(r.id, head.token, "approve")
    // only the delegator revokes: the delegate and another agency cannot, and nothing changes
    expect((await post(`/store/delegations/${id}/revoke`, { reason: "Regresé de vacaciones" }, budgetOfficer.token)).body.code).toBe(
      "DELEGACION_NO_EXISTE",
    )
    expect(
      (await post(`/store/delegations/${id}/revoke`, { reason: "Regresé de vacaciones" }, world().otherAgencyActor.token)).status,
    ).toBe(404)
    expect((await post(`/store/delegations/${id}/revoke`, { reason: "" }, purchasing())).status).toBe(400)
    const revoked = await post(`/store/delegations/${id}/revoke`, { reason: "Regresé de vacaciones" }, purchasing())
    expect(revoked.status).toBe(200)
    expect(revoked.body.delegation).toMatchObject({
      id,
      revoked_by_person_id: world().actors.purchasing_unit.person_id,
      revocation_reason: "Regresé de vacaciones",
      revoked_at: expect.any(String),
    })
    // from that moment the delegate cannot act for the delegator
    const refused = await decide(r.id, budgetOfficer.token, "approve")
    expect(refused.status).toBe(403)
    expect(refused.body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
    const again = await post(`/store/delegations/${id}/revoke`, { reason: "Regresé de vacaciones" }, purchasing())
    expect(again.status).toBe(409)
    expect(again.body.code).toBe("DELEGACION_YA_REVOCADA")
    expect(await rows("select action from audit_entry where entity_id = ? order by sequence", [id])).toEqual([
      { action: "delegation.created" },
      { action: "delegation.revoked" },
    ])
    expect((await decide(r.id, purchasing(), "approve")).status).toBe(200)
  })

  it("escalates an overdue step: the escalation role may decide it and is notified", async () => {
    const r = await submitted()
    const { escalateOverdueApprovals } = await import("@tienda/requisitions/jobs/escalate-overdue-approvals")
    expect(await escalateOverdueApprovals(container())).toBe(0)
    // the unit head's SLA (48 h) passes without a decision
    expect(await escalateOverdueApprovals(container(), new Date(Date.now() + 49 * 3600 * 1000))).toBe(1)
    expect(await escalateOverdueApprovals(container(), new Date(Date.now() + 50 * 3600 * 1000))).toBe(0)
    expect(await notificationsTo(world().actors.purchasing_unit.email)).toContain("requisition.escalated")
    const res = await decide(r.id, purchasing(), "approve")
    expect(res.status).toBe(200)
    expect(res.body.requisition.approval_steps[0]).toEqual(
      expect.objectContaining({ status: "approved", decided_role: "purchasing_unit", escalated_at: expect.any(String) }),
    )
  })

  it.each([
    ["never requested", false, null],
    ["pending", true, null],
    ["rejected", true, "reject"],
  ] as const)("refuses completing a cart whose approval is %s; no order is created", async (_label, submit, decision) => {
    let cartId: string
    if (!submit) {
      const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester())
      cartId = cart.body.cart.id
      await post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity: 10 }, requester())
    } else {
      const r = await submitted()
      cartId = r.cart_id
      if (decision) {
        await decide(r.id, head.token, decision, "No procede en este trimestre")
      }
    }
    const { updateRegionsWorkflow } = await import("@medusajs/medusa/core-flows")
    const regionId = (await get("/store/regions")).body.regions[0].id
    await updateRegionsWorkflow(container()).run({
      input: { selector: { id: regionId }, update: { payment_providers: ["pp_system_default"] } },
    })
    const pc = await post("/store/payment-collections", { cart_id: cartId }, requester())
    await post(
      `/store/payment-collections/${pc.body.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      requester(),
    )
    const res = await post(`/store/carts/${cartId}/complete`, {}, requester())
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(submit ? "REQUISICION_NO_APROBADA" : "REQUISICION_REQUERIDA")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(0)
  })

  it("above the lot's competition threshold, stops in requires_competition: no approval chain, no direct order", async () => {
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "2000000.00" })).id
    const r = await draft(6100) // 6,100 × 49.90 = 304,390.00 before IVA > 300,000.00
    const res = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    expect(res.status).toBe(200)
    expect(res.body.requisition.status).toBe("requires_competition")
    expect(res.body.requisition.approval_steps).toEqual([])
    expect(res.body.requisition.competition_lots).toEqual([expect.objectContaining({ amount: "304390.00", threshold: "300000.00" })])
    expect(await notificationsTo(world().actors.requiring_unit.email)).toContain("requisition.requires_competition")
    // it holds its reservation while it waits, shows that state, yields no contract
    expect((await keyStages()).reservado).toBe("353092.4")
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("requires_competition")
    const contracts = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    expect(contracts.status).toBe(400)
    expect(contracts.body.code).toBe("REQUISICION_NO_APROBADA")
    // and can be withdrawn: the reservation is released
    expect(
      (await post(`/store/requisitions/${r.id}/withdraw`, { reason: "Se atenderá con la licitación anual" }, purchasing())).status,
    ).toBe(403)
    const withdrawn = await post(`/store/requisitions/${r.id}/withdraw`, { reason: "Se atenderá con la licitación anual" }, requester())
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.requisition.status).toBe("cancelled")
    expect((await keyStages()).reservado).toBe("0")
    expect(await notificationsTo(world().actors.requiring_unit.email)).toContain("requisition.withdrawn")
  })

  it("flags a possible split purchase: same unit and UNSPSC class over the threshold within the window", async () => {
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "2000000.00" })).id
    const first = await draft(3500) // 174,650.00 before IVA, under 300,000.00
    const one = await post(`/store/requisitions/${first.id}/submit`, {}, requester())
    expect(one.body.requisition.flags).toEqual([])
    const second = await draft(3500)
    const two = await post(`/store/requisitions/${second.id}/submit`, {}, requester())
    expect(two.status).toBe(200)
    expect(two.body.requisition.status).toBe("pending_approval")
    expect(two.body.requisition.flags).toEqual([
      expect.objectContaining({
        kind: "posible_fraccionamiento",
        unspsc_class: "44121700",
        cumulative: "349300.00",
        threshold: "300000.00",
      }),
    ])
    expect(two.body.requisition.flags[0].message).toMatch(/Posible fraccionamiento/)
  })

  it("two requisitions racing for the last budget: exactly one is reserved, the other gets 409 and stays a draft", async () => {
    const a = await draft(10)
    const b = await draft(10)
    let release!: () => void
    const barrier = new Promise<void>((r) => (release = r))
    const race = [a, b].map(async (r) => {
      await barrier
      return post(`/store/requisitions/${r.id}/submit`, {}, requester())
    })
    release()
    const results = await Promise.all(race)
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    const refused = results.find((r) => r.status === 409)!
    expect(refused.body.code).toBe("FONDOS_INSUFICIENTES")
    expect((await keyStages()).reservado).toBe("578.84")
    const statuses = await Promise.all(
      [a, b].map(async (r) => (await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status),
    )
    expect(statuses.sort()).toEqual(["draft", "pending_approval"])
  })
  // ── the one path: approved requisition → contracts → both signatures → orders ──

  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const rows = async (sql: string, params: unknown[] = []) => (await pg().raw(sql, params)).rows
  const alive = async (requisitionId: string) =>
    rows(
      "select id, number, supplier_id, status, total::text as total from specific_contract where requisition_id = ? and deleted_at is null order by number",
      [requisitionId],
    )

  /** A second supplier's offer and signer (supplier2 has no people in the world). */
  async function secondSupplier(price = "44.90") {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [item],
    } = await query.graph({ entity: "framework_item", fields: ["id"] })
    await approvedOffer(item.id as string, world().orgs.supplier2, price)
    const {
      data: [offer],
    } = await query.graph({ entity: "offer", fields: ["variant_id"], filters: { supplier_id: world().orgs.supplier2 } })
    const email = `firma.${Math.random().toString(36).slice(2, 8)}@ofimex.prueba.mx`
    const { result } = await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.supplier2,
        full_name: "Representante Ofimex",
        email,
        rfc: makeRfc("REOF", "800101", "C1"),
        password: PASSWORD,
        roles: [{ role: "supplier_user", unit_id: null }],
      },
    })
    return {
      variantId: offer.variant_id as string,
      signer: { person_id: result.id, actor_type: "supplier", token: await login(baseUrl(), "supplier", email), email },
    }
  }

  /** A draft of several lines from one cart (variant, quantity). */
  async function draftOf(lines: [string, number][]) {
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester())
    for (const [variant_id, quantity] of lines) {
      expect((await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id, quantity }, requester())).status).toBe(200)
    }
    const res = await post(
      "/store/requisitions",
      {
        cart_id: cart.body.cart.id,
        unit_id: world().units["SSA-AR01"],
        justification: "Reposición trimestral de papelería del área",
        budget_key_id: keyId,
        delivery_place: "Almacén central, Lieja 7, Juárez, CDMX",
        delivery_date: tomorrow,
        delivery_address: {
          street: "Lieja 7",
          colonia: "Juárez",
          municipio: "Cuauhtémoc",
          estado: "Ciudad de México",
          codigo_postal: "06600",
        },
      },
      requester(),
    )
    expect(res.status).toBe(201)
    return res.body.requisition as { id: string; number: string; total: number }
  }
  /** Submitted and approved by every step of the default policy. */
  async function approved(lines: [string, number][]) {
    const r = await draftOf(lines)
    expect((await post(`/store/requisitions/${r.id}/submit`, {}, requester())).status).toBe(200)
    for (const bearer of [head.token, purchasing(), world().actors.budget.token]) {
      const cur = (await get(`/store/requisitions/${r.id}`, requester())).body.requisition
      if (cur.status !== "pending_approval") {
        break
      }
      expect((await decide(r.id, bearer, "approve")).status).toBe(200)
    }
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("approved")
    return r
  }

  const { sign, reset: resetSigners } = contractSigners({
    baseUrl,
    publishableKey: () => world().publishableKey,
    container,
    ca: () => pki.ca,
    reader: purchasing,
  })
  beforeEach(() => resetSigners())
  const buyer = () => world().actors.purchasing_unit
  const rep = () => world().actors.supplier_user
  const ordersOf = async (contractId: string) => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "specific_contract",
      fields: [
        "id",
        "order.id",
        "order.tax_total",
        "order.total",
        "order.items.tax_lines.rate",
        "order.items.tax_lines.code",
        "order.items.variant_id",
        "order.items.detail.quantity",
        "order.items.unit_price",
        "order.shipping_address.address_1",
        "order.shipping_address.address_2",
        "order.shipping_address.city",
        "order.shipping_address.province",
        "order.shipping_address.postal_code",
        "order.items.metadata",
      ],
      filters: { id: contractId },
    })
    return data[0]?.order as {
      id: string
      tax_total: number
      total: number
      items: { variant_id: string; detail: { quantity: number }; unit_price: number; metadata: Record<string, unknown> }[]
      shipping_address: Record<string, unknown>
    } | null
  }
  const movements = async () =>
    rows(
      "select type, amount::text as amount, reference_type, idempotency_key from budget_movement where budget_key_id = ? order by created_at",
      [keyId],
    )

  it("the whole chain: requisition → one contract per supplier → both sign → orders; comprometido = contracts with IVA, reservado back to 0", async () => {
    const other = await secondSupplier("44.90")
    const r = await approved([
      [variantId, 10],
      [other.variantId, 7],
    ])
    // 10 × 49.90 = 499.00 + 79.84; 7 × 44.90 = 314.30 + 50.29 (50.288 → 50.29)
    expect(String(r.total)).toBe("943.43")
    expect(await keyStages()).toEqual({ reservado: "943.43", comprometido: "0" })

    // only the Purchasing Unit generates, and only once
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, requester())).status).toBe(403)
    const gen = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    expect(gen.status).toBe(201)
    expect(gen.body.requisition.status).toBe("contracted")
    const contracts = await alive(r.id)
    expect(contracts.map((c) => [c.supplier_id, c.status, c.total])).toEqual([
      [world().orgs.supplier, "pending_signatures", "578.84"],
      [world().orgs.supplier2, "pending_signatures", "364.59"],
    ])
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())).body.code).toBe("CONTRATOS_YA_GENERADOS")
    // joined by a module link, not metadata
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [linked],
    } = await query.graph({ entity: "requisition", fields: ["id", "specific_contracts.id"], filters: { id: r.id } })
    expect((linked.specific_contracts as { id: string }[]).map((c) => c.id).sort()).toEqual(contracts.map((c) => c.id).sort())
    // read-only links over the id columns (ADR 0013): the requisition's budget key, each contract's framework contract
    const {
      data: [withKey],
    } = await query.graph({ entity: "requisition", fields: ["id", "budget_key.id"], filters: { id: r.id } })
    expect((withKey.budget_key as { id: string }).id).toBe(keyId)
    const { data: drawnFrom } = await query.graph({
      entity: "specific_contract",
      fields: ["id", "framework_contract_id", "framework_contract.id"],
      filters: { id: contracts.map((c) => c.id as string) },
    })
    expect(drawnFrom).toHaveLength(2)
    for (const c of drawnFrom) {
      expect((c.framework_contract as { id: string }).id).toBe(c.framework_contract_id)
    }
    expect(await notificationsTo(rep().email)).toContain("requisition.contract_awaits_signature")
    expect(await notificationsTo(other.signer.email)).toContain("requisition.contract_awaits_signature")

    // nothing is committed before entry into force
    const [first, second] = contracts
    expect((await sign(first.id as string, "agency", buyer())).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "943.43", comprometido: "0" })
    expect(await ordersOf(first.id as string)).toBeFalsy()
    const inForce = await sign(first.id as string, "supplier", rep())
    expect(inForce.status).toBe(200)
    expect(inForce.body.specific_contract.status).toBe("in_force")
    expect(await keyStages()).toEqual({ reservado: "364.59", comprometido: "578.84" })
    const order = await ordersOf(first.id as string)
    expect(order!.items).toHaveLength(1)
    const [line] = order!.items
    expect([line.variant_id, Number(line.detail.quantity), Number(line.unit_price)]).toEqual([variantId, 10, 49.9])
    expect(line.metadata).toEqual(expect.objectContaining({ iva_treatment: "tasa_16", delivery_date: tomorrow }))
    expect(order!.shipping_address).toEqual(
      expect.objectContaining({
        address_1: "Lieja 7",
        address_2: "Juárez",
        city: "Cuauhtémoc",
        province: "Ciudad de México",
        postal_code: "06600",
      }),
    )
    // IVA in the order's totals, from the item's treatment (tax provider tp_iva_iva)
    const taxLines = (line as unknown as { tax_lines: { rate: unknown; code: string }[] }).tax_lines
    expect(taxLines.map((t) => [Number(t.rate), t.code])).toEqual([[16, "002-Tasa-0.160000"]])
    expect([Number(order!.tax_total), Number(order!.total)]).toEqual([79.84, 578.84])
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("contracted")

    // supplier first this time; the second contract brings the requisition to `ordered`
    expect((await sign(second.id as string, "supplier", other.signer)).status).toBe(200)
    expect((await sign(second.id as string, "agency", buyer())).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "943.43" })
    // SAT per-concept rounding in the order's own totals: 314.30 × 16 % = 50.288 → 50.29, as in the contract
    const secondOrder = await ordersOf(second.id as string)
    expect([Number(secondOrder!.tax_total), Number(secondOrder!.total)]).toEqual([50.29, 364.59])
    expect((secondOrder!.items[0] as unknown as { tax_lines: { code: string }[] }).tax_lines.map((t) => t.code)).toEqual([
      "002-Tasa-0.160000",
    ])
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("ordered")
    expect(await notificationsTo(other.signer.email)).toContain("requisition.order_released")
    // the ledger: one reservation, one commitment per contract drawn from it, nothing else
    expect((await movements()).map((m) => [m.type, m.amount, m.reference_type])).toEqual([
      ["reserve", "943.43", "requisition"],
      ["commit", "578.84", "contract"],
      ["commit", "364.59", "contract"],
    ])
    const budget = container().resolve("budget") as {
      reconcile: (id: string) => Promise<{ ok?: boolean; balanced?: boolean } & Record<string, unknown>>
    }
    expect(await budget.reconcile(keyId)).toEqual(expect.objectContaining({ balanced: true }))
    expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(2)

    // each supplier sees its own order, never the other's
    const supplierGet = (path: string, bearer: string) => request(baseUrl()).get(path).set("authorization", `Bearer ${bearer}`)
    const mine = await supplierGet("/supplier/orders", rep().token)
    expect(mine.status).toBe(200)
    expect(mine.body.orders.map((o: { id: string; specific_contract: { number: string } }) => [o.id, o.specific_contract.number])).toEqual([
      [order!.id, first.number],
    ])
    const theirs = (await ordersOf(second.id as string))!
    expect((await supplierGet(`/supplier/orders/${theirs.id}`, rep().token)).status).toBe(404)
    expect((await supplierGet(`/supplier/orders/${theirs.id}`, other.signer.token)).body.order.id).toBe(theirs.id)
    expect((await supplierGet("/supplier/orders", requester())).status).toBe(403)
    // acknowledgement with the promised date, once; a replayed key answers the first response
    const ack = (bearer: string, key: string, date: string) =>
      request(baseUrl())
        .post(`/supplier/orders/${order!.id}/acknowledge`)
        .set("authorization", `Bearer ${bearer}`)
        .set("idempotency-key", key)
        .send({ promised_delivery_date: date })
    const acked = await ack(rep().token, "confirmar-1", tomorrow)
    expect(acked.status).toBe(200)
    expect(acked.body.order.metadata).toEqual(
      expect.objectContaining({ promised_delivery_date: tomorrow, acknowledged_by_person_id: rep().person_id }),
    )
    expect((await ack(rep().token, "confirmar-1", tomorrow)).body).toEqual(acked.body)
    expect((await ack(rep().token, "confirmar-1", "2027-01-15")).body.code).toBe("IDEMPOTENCIA_CONFLICTO")
    expect((await ack(rep().token, "confirmar-2", "2027-01-15")).body.code).toBe("PEDIDO_YA_CONFIRMADO")
    expect((await ack(other.signer.token, "confirmar-3", tomorrow)).status).toBe(404)
  })

  it("refuses every other way to a contract, each with its code and nothing written", async () => {
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "10000.00" })).id
    // no contract without a requisition
    const direct = await post("/store/specific-contracts", { supplier_id: world().orgs.supplier }, purchasing())
    expect(direct.status).toBe(400)
    expect(direct.body.code).toBe("CONTRATO_SOLO_DESDE_REQUISICION")
    // nor from one still pending approval
    const pending = await submitted()
    const early = await post(`/store/requisitions/${pending.id}/contracts`, {}, purchasing())
    expect(early.status).toBe(400)
    expect(early.body.code).toBe("REQUISICION_NO_APROBADA")
    // nor from another agency's requisition
    const r = await approved([[variantId, 10]])
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, world().otherAgencyActor.token)).status).toBe(403)
    // the price in force rose after approval: the contract would exceed the requisition
    await pg().raw(`update fc_offer set price = 52.00, raw_price = '{"value":"52","precision":20}' where variant_id = ?`, [variantId])
    const above = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    expect(above.status).toBe(400)
    expect(above.body.code).toBe("CONTRATO_EXCEDE_REQUISICION")
    expect(await alive(r.id)).toEqual([])
    expect(await alive(pending.id)).toEqual([])
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("approved")
    expect(await rows("select * from contract_number_sequence where last_value > 0")).toEqual([])
  })

  it("refuses a contract above the lot's competition threshold (prices rose after approval)", async () => {
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "2000000.00" })).id
    const r = await approved([[variantId, 6000]]) // 299,400.00 before IVA: under 300,000.00
    await pg().raw(`update fc_offer set price = 50.10, raw_price = '{"value":"50.1","precision":20}' where variant_id = ?`, [variantId])
    const res = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    expect(res.status).toBe(400)
    expect(res.body.code).toBe("CONTRATO_EXCEDE_UMBRAL_DE_PARTIDA")
    expect(await alive(r.id)).toEqual([])
    expect((await keyStages()).comprometido).toBe("0")
  })

  it("a supplier sanctioned after approval cannot bring its contract into force; the buyer cancels and the budget is released", async () => {
    const r = await approved([[variantId, 10]])
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())).status).toBe(201)
    const [c] = await alive(r.id)
    expect((await sign(c.id as string, "agency", buyer())).status).toBe(200)
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [supplier],
    } = await query.graph({ entity: "organization", fields: ["rfc"], filters: { id: world().orgs.supplier } })
    const csv = `RFC,Nombre,Tipo de sanción,Autoridad,Fecha inicio,Fecha fin,Motivo\n${supplier.rfc},Proveedor,Inhabilitación,SABG,2026-01-15,2028-01-15,Prueba`
    expect((await post("/admin/sanctions/import", { csv }, token("shcp_contract_admin"))).status).toBe(200)
    const refused = await sign(c.id as string, "supplier", rep())
    expect(refused.status).toBe(400)
    expect(refused.body.code).toBe("PROVEEDOR_SANCIONADO")
    expect(refused.body.message).toMatch(/cancelarlo o retirar la requisición/)
    // nothing of the signature, the commitment or the order stays
    expect((await get(`/store/specific-contracts/${c.id}`, purchasing())).body.specific_contract.status).toBe("partially_signed")
    expect(await rows("select role from contract_signature where contract_id = ? and deleted_at is null", [c.id])).toEqual([
      { role: "agency_signer" },
    ])
    expect(await keyStages()).toEqual({ reservado: "578.84", comprometido: "0" })
    expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(0)
    // no other supplier offers the item: nothing to re-route to, nothing changes
    const noOne = await post(`/store/requisitions/${r.id}/contracts/${c.id}/reroute`, {}, purchasing())
    expect([noOne.status, noOne.body.code]).toEqual([400, "SIN_PROVEEDOR_ELEGIBLE"])
    expect((await alive(r.id)).map((x) => x.status)).toEqual(["partially_signed"])
    // cancelling before entry into force releases the reservation and cancels the requisition
    const cancel = await post(`/store/specific-contracts/${c.id}/cancel`, { reason: "Proveedor sancionado por la SABG" }, purchasing())
    expect(cancel.status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "0" })
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("cancelled")
  })

  it("re-routes a sanctioned supplier's unsigned contract to the next eligible supplier, the reservation kept, through to the order", async () => {
    const other = await secondSupplier("44.90")
    const r = await approved([[variantId, 10]])
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())).status).toBe(201)
    const [c] = await alive(r.id)
    expect((await sign(c.id as string, "agency", buyer())).status).toBe(200)
    const reroute = () => post(`/store/requisitions/${r.id}/contracts/${c.id}/reroute`, {}, purchasing())
    // refusals, nothing written: the supplier is still eligible; only the Purchasing Unit re-routes
    const eligible = await reroute()
    expect([eligible.status, eligible.body.code]).toEqual([400, "PROVEEDOR_AUN_ELEGIBLE"])
    expect((await post(`/store/requisitions/${r.id}/contracts/${c.id}/reroute`, {}, requester())).status).toBe(403)
    expect((await alive(r.id)).map((x) => x.status)).toEqual(["partially_signed"])

    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [supplier],
    } = await query.graph({ entity: "organization", fields: ["rfc"], filters: { id: world().orgs.supplier } })
    const csv = `RFC,Nombre,Tipo de sanción,Autoridad,Fecha inicio,Fecha fin,Motivo\n${supplier.rfc},Proveedor,Inhabilitación,SABG,2026-01-15,2028-01-15,Prueba`
    expect((await post("/admin/sanctions/import", { csv }, token("shcp_contract_admin"))).status).toBe(200)
    const moved = await reroute()
    expect(moved.status).toBe(201)
    expect(moved.body.cancelled).toEqual(expect.objectContaining({ id: c.id, reason_code: "PROVEEDOR_SANCIONADO" }))
    expect(moved.body.requisition.status).toBe("contracted")
    // the old contract cancelled, the same lines with the next eligible supplier at its price in force
    // (10 × 44.90 = 449.00 + 71.84), within what the requisition reserved; the reservation untouched
    const now = await alive(r.id)
    expect(now.map((x) => [x.id === c.id, x.supplier_id, x.status, x.total])).toEqual([
      [true, world().orgs.supplier, "cancelled", "578.84"],
      [false, world().orgs.supplier2, "pending_signatures", "520.84"],
    ])
    expect(await keyStages()).toEqual({ reservado: "578.84", comprometido: "0" })
    const {
      data: [linked],
    } = await query.graph({ entity: "requisition", fields: ["specific_contracts.id"], filters: { id: r.id } })
    expect((linked.specific_contracts as { id: string }[]).map((x) => x.id).sort()).toEqual(now.map((x) => x.id).sort())
    expect(await notificationsTo(other.signer.email)).toContain("requisition.contract_awaits_signature")
    const again = await reroute()
    expect([again.status, again.body.code]).toEqual([400, "CONTRATO_NO_REASIGNABLE"])

    // the new contract signed by both → in force: committed from the same reservation, the rest released
    const fresh = now.find((x) => x.id !== c.id)!
    expect((await sign(fresh.id as string, "agency", buyer())).status).toBe(200)
    expect((await sign(fresh.id as string, "supplier", other.signer)).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "520.84" })
    const order = await ordersOf(fresh.id as string)
    expect(order!.items.map((i) => [i.variant_id, Number(i.detail.quantity)])).toEqual([[other.variantId, 10]])
    expect([Number(order!.tax_total), Number(order!.total)]).toEqual([71.84, 520.84])
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("ordered")
  })

  it("a convenio modificatorio moves the commitment: an increase needs sufficiency (else it is not in force), a decrease releases", async () => {
    const r = await approved([[variantId, 10]])
    expect((await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())).status).toBe(201)
    const [c] = await alive(r.id)
    expect((await sign(c.id as string, "agency", buyer())).status).toBe(200)
    expect((await sign(c.id as string, "supplier", rep())).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "578.84" })
    const amend = async (quantity: number) => {
      const res = await post(
        `/store/specific-contracts/${c.id}/amendments`,
        { reason: "Ajuste de la demanda del área requirente", changes: [{ line: 1, quantity }] },
        token("contract_admin"),
      )
      expect(res.status).toBe(201)
      return res.body.specific_contract as { id: string; total: string }
    }
    // 10 → 11 pens (+10 %): 548.90 + 87.82 = 636.72, +57.88 over the contract. Another requisition
    // holds all but 15.97 of the key: the increase cannot be committed, so the amendment is not in force
    const other = await submitted(7) // 349.30 + 55.89 = 405.19 reserved
    const up = await amend(11)
    expect(up.total).toBe("636.72")
    expect((await sign(up.id, "agency", buyer())).status).toBe(200)
    const short = await sign(up.id, "supplier", rep())
    expect([short.status, short.body.code]).toEqual([400, "FONDOS_INSUFICIENTES"])
    expect((await get(`/store/specific-contracts/${up.id}`, purchasing())).body.specific_contract.status).toBe("partially_signed")
    expect(await keyStages()).toEqual({ reservado: "405.19", comprometido: "578.84" })
    // once the other requisition is withdrawn, signing again brings it into force and commits the increase
    expect((await post(`/store/requisitions/${other.id}/withdraw`, { reason: "Ya no se requiere" }, requester())).status).toBe(200)
    expect((await sign(up.id, "supplier", rep())).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "636.72" })
    // 11 → 9 pens (−10 % of the original): 449.10 + 71.86 = 520.96, −115.76 released from the commitment
    const down = await amend(9)
    expect((await sign(down.id, "agency", buyer())).status).toBe(200)
    expect((await sign(down.id, "supplier", rep())).status).toBe(200)
    expect(await keyStages()).toEqual({ reservado: "0", comprometido: "520.96" })
    const moved = await rows(
      "select type, amount::text as amount, idempotency_key from budget_movement where budget_key_id = ? and reference_type = 'contract' order by created_at",
      [keyId],
    )
    expect(moved.map((m) => [m.type, m.amount, m.idempotency_key])).toEqual([
      ["commit", "578.84", `specific_contract:${c.id}:compromiso`],
      ["commit", "57.88", `specific_contract:${up.id}:compromiso`],
      ["release", "115.76", `specific_contract:${down.id}:liberacion`],
    ])
    const adjusted = await rows(
      "select details from audit_entry where action = 'specific_contract.commitment_adjusted' and entity_id = ? order by sequence",
      [c.id],
    )
    expect(adjusted.map((e) => (e.details as { delta: string }).delta)).toEqual(["57.88", "-115.76"])
  })

  it("a fault with the second supplier leaves nothing of the first: no contract, number, link or commitment", async () => {
    const other = await secondSupplier()
    const r = await approved([
      [variantId, 10],
      [other.variantId, 7],
    ])
    const [link] = await rows("select tablename from pg_tables where tablename like '%requisition%specific_contract%'")
    const table = link.tablename as string
    await pg().raw(`create or replace function test_fault() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from specific_contract where id = new.specific_contract_id and supplier_id = '${world().orgs.supplier2}') then
          raise exception 'fallo inducido por la prueba';
        end if;
        return new;
      end $$`)
    await pg().raw(`create trigger test_fault before insert on "${table}" for each row execute function test_fault()`)
    try {
      const res = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
      expect(res.status).toBe(500)
    } finally {
      await pg().raw(`drop trigger test_fault on "${table}"`)
    }
    expect(await alive(r.id)).toEqual([])
    expect(await rows(`select * from "${table}" where deleted_at is null`)).toEqual([])
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("approved")
    expect(await keyStages()).toEqual({ reservado: "943.43", comprometido: "0" })
    // the numbers were given back: the retry takes 00001 and 00002
    const retry = await post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    expect(retry.status).toBe(201)
    expect((await alive(r.id)).map((c) => (c.number as string).slice(-5))).toEqual(["00001", "00002"])
  })

  it("exactly once: 10 parallel submits make one reservation; 6 parallel approvals of a step one decision; parallel generation one contract per supplier", async () => {
    const r = await draft(10)
    const { gate, open } = barrier()
    const submits = Array.from({ length: 10 }, async () => {
      await gate
      return post(`/store/requisitions/${r.id}/submit`, {}, requester())
    })
    open()
    const results = await Promise.all(submits)
    expect(results.map((x) => x.status).sort()).toEqual([200, ...Array(9).fill(400)])
    expect(results.filter((x) => x.status === 400).map((x) => x.body.code)).toEqual(Array(9).fill("REQUISICION_YA_ENVIADA"))
    expect((await keyStages()).reservado).toBe("578.84")
    expect((await movements()).map((m) => m.type)).toEqual(["reserve"])
    expect(await rows("select count(*)::int as n from rq_approval_step where requisition_id = ?", [r.id])).toEqual([{ n: 2 }])

    // the same approval sent six times at once (double clicks, retries): one decision
    const approvals = barrier()
    const clicks = Array.from({ length: 6 }, async () => {
      await approvals.gate
      return decide(r.id, head.token, "approve")
    })
    approvals.open()
    const decided = await Promise.all(clicks)
    expect(decided.map((x) => x.status).sort()).toEqual([200, 403, 403, 403, 403, 403])
    expect(
      await rows("select count(*)::int as n from audit_entry where entity_id = ? and action = 'requisition.approved'", [r.id]),
    ).toEqual([{ n: 1 }])
    expect(
      await rows("select status, decided_by_person_id from rq_approval_step where requisition_id = ? order by sequence", [r.id]),
    ).toEqual([
      { status: "approved", decided_by_person_id: head.person_id },
      { status: "pending", decided_by_person_id: null },
    ])
    expect((await decide(r.id, purchasing(), "approve")).status).toBe(200)

    const generation = barrier()
    const gens = Array.from({ length: 5 }, async () => {
      await generation.gate
      return post(`/store/requisitions/${r.id}/contracts`, {}, purchasing())
    })
    generation.open()
    const generated = await Promise.all(gens)
    expect(generated.map((x) => x.status).sort()).toEqual([201, 400, 400, 400, 400])
    expect(await alive(r.id)).toHaveLength(1)
    expect(await rows("select count(*)::int as n from specific_contract")).toEqual([{ n: 1 }])
  })
  it("honours Idempotency-Key: a replay gets the first answer and changes nothing; the same key with another body is 409", async () => {
    const withKey = (path: string, body: object, bearer: string, key: string) =>
      request(baseUrl())
        .post(path)
        .set("authorization", `Bearer ${bearer}`)
        .set("x-publishable-api-key", world().publishableKey)
        .set("idempotency-key", key)
        .send(body)
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester())
    await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id: variantId, quantity: 10 }, requester())
    const body = {
      cart_id: cart.body.cart.id,
      unit_id: world().units["SSA-AR01"],
      justification: "Reposición trimestral de papelería del área",
      budget_key_id: keyId,
      delivery_place: "Almacén central, Lieja 7, CDMX",
      delivery_date: tomorrow,
    }
    const first = await withKey("/store/requisitions", body, requester(), "crear-0001")
    expect(first.status).toBe(201)
    const replay = await withKey("/store/requisitions", body, requester(), "crear-0001")
    expect(replay.status).toBe(201)
    expect(replay.headers["idempotent-replayed"]).toBe("true")
    expect(replay.body.requisition.id).toBe(first.body.requisition.id)
    expect(await rows("select count(*)::int as n from rq_requisition")).toEqual([{ n: 1 }])
    const other = await withKey(
      "/store/requisitions",
      { ...body, justification: "Otra justificación distinta de la primera" },
      requester(),
      "crear-0001",
    )
    expect(other.status).toBe(409)
    expect(other.body.code).toBe("IDEMPOTENCIA_CONFLICTO")

    const id = first.body.requisition.id
    const submit = await withKey(`/store/requisitions/${id}/submit`, {}, requester(), "enviar-0001")
    expect(submit.status).toBe(200)
    const again = await withKey(`/store/requisitions/${id}/submit`, {}, requester(), "enviar-0001")
    expect(again.status).toBe(200)
    expect(again.body).toEqual(submit.body)
    expect((await movements()).map((m) => m.type)).toEqual(["reserve"])
    // a new key is a new request: refused, the requisition was already submitted
    expect((await withKey(`/store/requisitions/${id}/submit`, {}, requester(), "enviar-0002")).body.code).toBe("REQUISICION_YA_ENVIADA")

    const approve = await withKey(`/store/requisitions/${id}/decisions`, { decision: "approve" }, head.token, "decidir-0001")
    expect(approve.status).toBe(200)
    expect((await withKey(`/store/requisitions/${id}/decisions`, { decision: "approve" }, head.token, "decidir-0001")).body).toEqual(
      approve.body,
    )
    expect(await rows("select count(*)::int as n from rq_approval_step where requisition_id = ? and status = 'approved'", [id])).toEqual([
      { n: 1 },
    ])
  })
})
