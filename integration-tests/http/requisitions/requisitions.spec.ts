import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { makeRfc } from "../../../seed/src/rfc"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { makeKey } from "../budget/helpers"
import { catalogFixtures } from "../framework-contracts/fixtures"

// @redis: workflow engine under concurrent submissions; the escalation scheduled job

/**
 * Requisitions and their approval chain, enforced on the server: the full
 * chain, rejection, return for changes, restart on edit, delegation,
 * escalation, self-approval and cross-agency refusals, the cart gate, and
 * two requisitions racing for the last budget.
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
    const { data: [offer] } = await query.graph({ entity: "offer", fields: ["variant_id"] })
    variantId = offer.variant_id as string
    keyId = (await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })).id
    head = await unitHead()
  })

  async function draft(quantity = 10, bearer = requester()) {
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, bearer)
    expect((await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id: variantId, quantity }, bearer)).status).toBe(200)
    const res = await post("/store/requisitions", {
      cart_id: cart.body.cart.id,
      unit_id: world().units["SSA-AR01"],
      justification: "Reposición trimestral de papelería del área",
      budget_key_id: keyId,
      delivery_place: "Almacén central, Lieja 7, CDMX",
      delivery_date: tomorrow,
    }, bearer)
    expect(res.status).toBe(201)
    return res.body.requisition as { id: string; cart_id: string; total: number; status: string }
  }
  async function submitted(quantity = 10) {
    const r = await draft(quantity)
    const res = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    expect(res.status).toBe(200)
    return res.body.requisition as { id: string; cart_id: string; status: string; approval_steps: { role: string; status: string; revision: number }[] }
  }
  const decide = (id: string, bearer: string, decision: string, reason?: string) =>
    post(`/store/requisitions/${id}/decisions`, { decision, ...(reason ? { reason } : {}) }, bearer)
  const keyStages = async () => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data: [k] } = await query.graph({ entity: "budget_key", fields: ["reservado", "comprometido"], filters: { id: keyId } })
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
    expect(steps[0]).toEqual(expect.objectContaining({ decided_by_person_id: head.person_id, decided_role: "requiring_unit", decided_at: expect.any(String) }))
    expect(steps[1].decided_by_person_id).toBe(world().actors.purchasing_unit.person_id)
    expect(await notificationsTo(world().actors.requiring_unit.email)).toEqual(expect.arrayContaining(["requisition.submitted", "requisition.approved"]))
    const timeline = await get(`/store/requisitions/${r.id}`, requester())
    expect(timeline.body.requisition.status).toBe("approved")
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
    const edit = await post(`/store/requisitions/${r.id}`, { delivery_place: "Almacén central", delivery_date: tomorrow, lines: [{ variant_id: variantId, quantity: 5 }] }, requester())
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
    await post(`/store/requisitions/${r.id}`, { delivery_place: "Almacén central", delivery_date: tomorrow, lines: [{ variant_id: variantId, quantity: 12 }] }, requester())
    const res = await post(`/store/requisitions/${r.id}/submit`, {}, requester())
    const steps = res.body.requisition.approval_steps
    expect(steps.filter((s: { revision: number }) => s.revision === 1).map((s: { status: string }) => s.status)).toEqual(["superseded", "superseded"])
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
    const past = await post("/store/delegations", {
      delegate_person_id: budgetOfficer.person_id, role: "purchasing_unit", starts_at: "2026-01-01", ends_at: "2026-02-01",
    }, purchasing())
    expect(past.status).toBe(201)
    expect((await decide(r.id, budgetOfficer.token, "approve")).body.code).toBe("SIN_FACULTAD_PARA_APROBAR")
    const now = await post("/store/delegations", {
      delegate_person_id: budgetOfficer.person_id, role: "purchasing_unit",
      starts_at: new Date(Date.now() - 60000).toISOString(), ends_at: new Date(Date.now() + 86400000).toISOString(), reason: "Vacaciones",
    }, purchasing())
    expect(now.status).toBe(201)
    const res = await decide(r.id, budgetOfficer.token, "approve")
    expect(res.status).toBe(200)
    expect(res.body.requisition.approval_steps[1]).toEqual(expect.objectContaining({
      decided_by_person_id: budgetOfficer.person_id,
      on_behalf_of_person_id: world().actors.purchasing_unit.person_id,
      decided_role: "purchasing_unit",
    }))
    // nobody can delegate a role they do not hold
    const bogus = await post("/store/delegations", { delegate_person_id: head.person_id, role: "budget", starts_at: "2026-01-01", ends_at: "2027-01-01" }, purchasing())
    expect(bogus.status).toBe(400)
    expect(bogus.body.code).toBe("ROL_NO_DELEGABLE")
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
    expect(res.body.requisition.approval_steps[0]).toEqual(expect.objectContaining({ status: "approved", decided_role: "purchasing_unit", escalated_at: expect.any(String) }))
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
    await updateRegionsWorkflow(container()).run({ input: { selector: { id: regionId }, update: { payment_providers: ["pp_system_default"] } } })
    const pc = await post("/store/payment-collections", { cart_id: cartId }, requester())
    await post(`/store/payment-collections/${pc.body.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, requester())
    const res = await post(`/store/carts/${cartId}/complete`, {}, requester())
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(submit ? "REQUISICION_NO_APROBADA" : "REQUISICION_REQUERIDA")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(0)
  })

  it("an approved requisition becomes one Medusa order per supplier, paid from its budget reservation", async () => {
    const r = await submitted()
    await decide(r.id, head.token, "approve")
    await decide(r.id, purchasing(), "approve")
    const res = await post(`/store/requisitions/${r.id}/orders`, {}, requester())
    expect(res.status).toBe(201)
    expect(res.body.orders).toHaveLength(1)
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({ entity: "order", fields: ["id", "customer_id", "items.variant_id", "items.detail.quantity", "payment_collections.payments.provider_id"] })
    expect(orders).toHaveLength(1)
    expect(orders[0].items).toEqual([expect.objectContaining({ variant_id: variantId, detail: expect.objectContaining({ quantity: 10 }) })])
    // paid by the budget provider: the order's amount moved from reserved to committed on the key
    const payments = (orders[0].payment_collections as { payments: { provider_id: string }[] }[]).flatMap((c) => c.payments)
    expect(payments.map((p) => p.provider_id)).toEqual(["pp_budget_budget"])
    expect(await keyStages()).toEqual({ reservado: "79.84", comprometido: "499" })
    expect((await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status).toBe("ordered")
    // a second attempt places nothing more
    expect((await post(`/store/requisitions/${r.id}/orders`, {}, requester())).body.code).toBe("REQUISICION_NO_APROBADA")
    expect((await query.graph({ entity: "order", fields: ["id"] })).data).toHaveLength(1)
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
    expect((await post(`/store/requisitions/${r.id}/orders`, {}, requester())).body.code).toBe("REQUISICION_NO_APROBADA")
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
      expect.objectContaining({ kind: "posible_fraccionamiento", unspsc_class: "44121700", cumulative: "349300.00", threshold: "300000.00" }),
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
    const statuses = await Promise.all([a, b].map(async (r) => (await get(`/store/requisitions/${r.id}`, requester())).body.requisition.status))
    expect(statuses.sort()).toEqual(["draft", "pending_approval"])
  })
})
