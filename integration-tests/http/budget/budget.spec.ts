import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import { reserveBudgetWorkflow } from "@tienda/budget/workflows"
import request from "supertest"
import { seedBudget } from "../../../seed/src/steps/budget"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { amounts, barrier, makeKey } from "./helpers"

// @redis: workflow engine under concurrent reservations on one key
// @redis-tests: ACCEPTANCE: 200 barrier-started|rolls back a reservation when a later step fails|reserves idempotently

type BudgetService = {
  getBalances: (id: string) => Promise<Record<string, string> | null>
  reconcile: (id: string) => Promise<{ balanced: boolean; ledger: Record<string, string> }>
  listBudgetMovements: (f: Record<string, unknown>, c?: Record<string, unknown>) => Promise<{ amount: unknown; type: string }[]>
}

describeApp("budget: keys, sufficiency, reservations", ({ world, baseUrl, container }) => {
  const store = (method: "get" | "post", path: string, token: string) =>
    request(baseUrl())[method](path).set("x-publishable-api-key", world().publishableKey).set("authorization", `Bearer ${token}`)
  const service = () => container().resolve<BudgetService>(BUDGET_MODULE)
  const ledger = auditLedger(container)
  const reserve = (token: string, body: Record<string, unknown>, key: string) =>
    store("post", "/store/budget/reservations", token).set("idempotency-key", key).send(body)

  it("lists my agency's keys with disponible; another agency sees only its own", async () => {
    const base = await ledger.head()
    const mine = await makeKey(container(), world().orgs.agencyA, { aprobado: "850000.00" })
    const theirs = await makeKey(container(), world().orgs.agencyB)
    // Keys registered without a caller (seed, tests) are recorded as the system's.
    expect(await ledger.since(base)).toEqual(
      [mine, theirs].map((k) =>
        expect.objectContaining({
          action: "budget_key.created",
          entity_type: "budget_key",
          entity_id: k.id,
          actor_type: "system",
          actor_id: "budget-create-budget-keys",
          details: expect.objectContaining({ clave: k.clave }),
        }),
      ),
    )
    const res = await store("get", "/store/budget/keys", world().actors.requiring_unit.token)
    expect(res.status).toBe(200)
    expect(res.body.budget_keys.map((k: { id: string }) => k.id)).toEqual([mine.id])
    expect(res.body.budget_keys[0]).toMatchObject({
      clave: mine.clave,
      partida_especifica: "21101",
      modificado: "850000.00",
      reservado: "0.00",
      disponible: "850000.00",
      currency_code: "mxn",
    })
    const other = await store("get", "/store/budget/keys", world().otherAgencyActor.token)
    expect(other.body.budget_keys.map((k: { id: string }) => k.id)).toEqual([theirs.id])
  })

  it("shows the ledger to the Budget role only, and never another agency's key", async () => {
    const key = await makeKey(container(), world().orgs.agencyA)
    const theirs = await makeKey(container(), world().orgs.agencyB)
    await reserve(
      world().actors.requiring_unit.token,
      {
        budget_key_id: key.id,
        amount: "1500.25",
        reference_type: "manual",
        reference_id: "req_1",
        justification: "Suficiencia para la compra consolidada de papelería",
      },
      "r-1",
    ).expect(201)
    const ok = await store("get", `/store/budget/keys/${key.id}/ledger`, world().actors.budget.token)
    expect(ok.status).toBe(200)
    expect(ok.body.movements).toHaveLength(1)
    expect(ok.body.movements[0]).toMatchObject({
      type: "reserve",
      amount: "1500.25",
      from_stage: "disponible",
      to_stage: "reservado",
      reference_id: "req_1",
    })
    expect(ok.body.budget_key.disponible).toBe("998499.75")
    const denied = await store("get", `/store/budget/keys/${key.id}/ledger`, world().actors.requiring_unit.token)
    expect(denied.status).toBe(403)
    expect(denied.body.code).toBe("PERMISO_DENEGADO")
    const idor = await store("get", `/store/budget/keys/${theirs.id}/ledger`, world().actors.budget.token)
    expect(idor.status).toBe(403)
    expect(idor.body).toMatchObject({
      code: "CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA",
      message: expect.stringContaining("otra dependencia"),
    })
    const missing = await store("get", "/store/budget/keys/bkey_NOEXISTE/ledger", world().actors.budget.token)
    expect(missing.status).toBe(404)
    expect(missing.body.code).toBe("CLAVE_PRESUPUESTAL_NO_EXISTE")
  })

  it("checks sufficiency read-only, and refuses another agency's key", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })
    const theirs = await makeKey(container(), world().orgs.agencyB)
    const yes = await store("post", "/store/budget/check", world().actors.requiring_unit.token).send({
      budget_key_id: key.id,
      amount: "1000.00",
    })
    expect(yes.status).toBe(200)
    expect(yes.body.sufficiency).toMatchObject({ sufficient: true, disponible: "1000.00", requested: "1000.00", disponible_externo: null })
    const no = await store("post", "/store/budget/check", world().actors.requiring_unit.token).send({
      budget_key_id: key.id,
      amount: "1000.01",
    })
    expect(no.body.sufficiency.sufficient).toBe(false)
    const idor = await store("post", "/store/budget/check", world().actors.requiring_unit.token).send({
      budget_key_id: theirs.id,
      amount: "1",
    })
    expect(idor.status).toBe(403)
    expect(idor.body.code).toBe("CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA")
    const bad = await store("post", "/store/budget/check", world().actors.requiring_unit.token).send({
      budget_key_id: key.id,
      amount: "1.234",
    })
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe("DATOS_INVALIDOS")
    expect(await service().listBudgetMovements({ budget_key_id: key.id })).toHaveLength(0)
  })

  it("reserves idempotently; insufficient → 409 FONDOS_INSUFICIENTES; other agency → 403; nothing changed on refusal", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })
    const theirs = await makeKey(container(), world().orgs.agencyB, { aprobado: "1000.00" })
    const t = world().actors.requiring_unit.token
    const base = await ledger.head()
    const body = {
      budget_key_id: key.id,
      amount: "600.00",
      reference_type: "manual",
      reference_id: "req_9",
      justification: "Suficiencia para la compra consolidada de papelería",
    }
    const first = await reserve(t, body, "idem-9")
    expect(first.status).toBe(201)
    const again = await reserve(t, body, "idem-9")
    expect(again.status).toBe(200)
    expect(again.body.reservation).toMatchObject({ id: first.body.reservation.id, replayed: true })
    const conflict = await reserve(t, { ...body, amount: "1.00" }, "idem-9")
    expect(conflict.status).toBe(409)
    expect(conflict.body.code).toBe("IDEMPOTENCIA_CONFLICTO")
    const refused = await reserve(t, { ...body, amount: "400.01", reference_id: "req_10" }, "idem-10")
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({
      type: "conflict",
      code: "FONDOS_INSUFICIENTES",
      message: `Fondos insuficientes en la clave presupuestal ${key.clave}: se solicitan $400.01 MXN y el disponible es $400.00 MXN.`,
    })
    const idor = await reserve(t, { ...body, budget_key_id: theirs.id }, "idem-11")
    expect(idor.status).toBe(403)
    expect(idor.body.code).toBe("CLAVE_PRESUPUESTAL_DE_OTRA_DEPENDENCIA")
    const noKey = await store("post", "/store/budget/reservations", t).send(body)
    expect(noKey.status).toBe(400)
    expect(noKey.body.code).toBe("IDEMPOTENCY_KEY_REQUERIDA")
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "600.00", disponible: "400.00" })
    expect(await service().getBalances(theirs.id)).toMatchObject({ reservado: "0.00" })
    expect(await service().listBudgetMovements({ budget_key_id: key.id })).toHaveLength(1)
    // One ledger entry for the one reservation: the replay and the refusals record nothing.
    expect(await ledger.since(base)).toEqual([
      expect.objectContaining({
        action: "budget_key.reserved",
        entity_type: "budget_key",
        entity_id: key.id,
        actor_type: "customer",
        actor_id: await ledger.actorIdOf(world().actors.requiring_unit.person_id),
        role: "requiring_unit",
        details: expect.objectContaining({
          movement_id: first.body.reservation.id,
          amount: first.body.reservation.amount,
          reference_type: "manual",
          reference_id: "req_9",
          idempotency_key: `${world().orgs.agencyA}:idem-9`,
        }),
      }),
    ])
  })

  it("reserves by hand only against a document with a justification, and releases a manual reservation by hand, audited; a requisition's only through its procedure", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "1000.00" })
    const t = world().actors.requiring_unit.token
    // no reservation can claim a requisition, contract or order: their procedures reserve
    const claimed = await reserve(
      t,
      {
        budget_key_id: key.id,
        amount: "10.00",
        reference_type: "requisition",
        reference_id: "req_inventada",
        justification: "Una requisición que no existe",
      },
      "m-0",
    )
    expect(claimed.status).toBe(400)
    expect(claimed.body).toMatchObject({
      code: "RESERVA_SOLO_MANUAL",
      message: expect.stringContaining("requisiciones las hace su propio procedimiento"),
    })
    const bare = await reserve(t, { budget_key_id: key.id, amount: "10.00", reference_type: "manual", reference_id: "OF-001" }, "m-1")
    expect(bare.status).toBe(400)
    expect(bare.body.code).toBe("JUSTIFICACION_REQUERIDA")
    expect(await service().listBudgetMovements({ budget_key_id: key.id })).toHaveLength(0)

    const manual = await reserve(
      t,
      {
        budget_key_id: key.id,
        amount: "250.50",
        reference_type: "manual",
        reference_id: "OF-DGPYP-014/2026",
        justification: "Suficiencia para la compra consolidada de papelería",
      },
      "m-2",
    )
    expect(manual.status).toBe(201)
    const id = manual.body.reservation.id as string
    const release = (body: Record<string, unknown>, bearer = t) =>
      store("post", `/store/budget/reservations/${id}/release`, bearer).send(body)
    expect((await release({})).status).toBe(400)
    // another agency cannot see it; a role without budget:reserve cannot release
    expect((await release({ reason: "Ya no se necesita" }, world().otherAgencyActor.token)).body.code).toBe("RESERVA_NO_EXISTE")
    expect((await release({ reason: "Ya no se necesita" }, world().actors.purchasing_unit.token)).status).toBe(403)
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "250.50", disponible: "749.50" })

    const base = await ledger.head()
    const released = await release({ reason: "La compra se canceló por oficio OF-DGPYP-020/2026" })
    expect(released.status).toBe(200)
    expect(released.body.release).toMatchObject({ type: "release", amount: "250.50" })
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "0.00", disponible: "1000.00" })
    expect(await ledger.since(base)).toEqual([
      expect.objectContaining({
        action: "budget_key.released",
        entity_id: key.id,
        actor_type: "customer",
        actor_id: await ledger.actorIdOf(world().actors.requiring_unit.person_id),
        details: expect.objectContaining({ parent_id: id, amount: "250.50", reference_type: "manual", reference_id: "OF-DGPYP-014/2026" }),
      }),
    ])
    const twice = await release({ reason: "Otra vez" })
    expect(twice.status).toBe(409)
    expect(twice.body.code).toBe("RESERVA_SIN_SALDO")

    // a requisition's reservation (made by its workflow) is released by withdrawing the requisition, not here
    const { result: procedural } = await reserveBudgetWorkflow(container()).run({
      input: {
        budget_key_id: key.id,
        organization_id: world().orgs.agencyA,
        amount: "5.00",
        reference_type: "requisition",
        reference_id: "req_real",
        idempotency_key: "m-proc",
      },
    })
    const refused = await store("post", `/store/budget/reservations/${procedural.id}/release`, t).send({ reason: "Atajo indebido" })
    expect(refused.status).toBe(400)
    expect(refused.body.code).toBe("RESERVA_DE_PROCEDIMIENTO")
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "5.00" })
  })

  it("keeps unit-scoped keys to their unit", async () => {
    const pres = await makeKey(container(), world().orgs.agencyA, { unit_id: world().units["SSA-PRES"] })
    const list = await store("get", "/store/budget/keys", world().actors.requiring_unit.token)
    expect(list.body.budget_keys.map((k: { id: string }) => k.id)).not.toContain(pres.id)
    const r = await reserve(
      world().actors.requiring_unit.token,
      {
        budget_key_id: pres.id,
        amount: "1",
        reference_type: "manual",
        reference_id: "r",
        justification: "Suficiencia para la compra consolidada de papelería",
      },
      "u-1",
    )
    expect(r.status).toBe(403)
    const own = await reserve(
      world().actors.budget.token,
      {
        budget_key_id: pres.id,
        amount: "1",
        reference_type: "manual",
        reference_id: "r",
        justification: "Suficiencia para la compra consolidada de papelería",
      },
      "u-2",
    )
    expect(own.status).toBe(201)
  })

  it("admin: SHCP planning lists every agency's keys; the system administrator may not", async () => {
    const a = await makeKey(container(), world().orgs.agencyA)
    const b = await makeKey(container(), world().orgs.agencyB)
    const res = await request(baseUrl()).get("/admin/budget/keys").set("authorization", `Bearer ${world().actors.shcp_planning.token}`)
    expect(res.status).toBe(200)
    expect(res.body.budget_keys.map((k: { id: string }) => k.id).sort()).toEqual([a.id, b.id].sort())
    const filtered = await request(baseUrl())
      .get(`/admin/budget/keys?organization_id=${world().orgs.agencyB}`)
      .set("authorization", `Bearer ${world().actors.shcp_planning.token}`)
    expect(filtered.body.budget_keys.map((k: { id: string }) => k.id)).toEqual([b.id])
    // ?fields= narrows each key, computed fields included; an unknown field is a 400
    const narrow = await request(baseUrl())
      .get(`/admin/budget/keys?organization_id=${world().orgs.agencyB}&fields=clave,disponible`)
      .set("authorization", `Bearer ${world().actors.shcp_planning.token}`)
    expect(narrow.body.budget_keys).toEqual([{ clave: b.clave, disponible: "1000000.00" }])
    const unknown = await request(baseUrl())
      .get("/admin/budget/keys?fields=clave,secreto")
      .set("authorization", `Bearer ${world().actors.shcp_planning.token}`)
    expect([unknown.status, unknown.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    const denied = await request(baseUrl()).get("/admin/budget/keys").set("authorization", `Bearer ${world().actors.system_admin.token}`)
    expect(denied.status).toBe(403)
  })

  it("seeds the demo agencies' keys for partidas 21101, 21401, 21601, 22104, idempotently", async () => {
    const args = { container: container(), args: [] } as never
    const first = await seedBudget(args)
    // The test world holds two of the demo agencies (Salud, SEP): 4 partidas each.
    expect(first.created).toBe(8)
    expect((await seedBudget(args)).created).toBe(0)
    const res = await store("get", "/store/budget/keys", world().actors.budget.token)
    expect(res.body.budget_keys.map((k: { partida_especifica: string }) => k.partida_especifica).sort()).toEqual([
      "21101",
      "21401",
      "21601",
      "22104",
    ])
    expect(res.body.budget_keys.find((k: { partida_especifica: string }) => k.partida_especifica === "21101")).toMatchObject({
      clave: "2026-12-510-M001-21101-1-09",
      provider: "sicop_siaff",
      modificado: "850000.00",
      disponible: "850000.00",
    })
  })

  it("the CHECK constraint refuses any write that bypasses the guard", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "100.00" })
    const pg = container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as {
      raw: (sql: string, b: unknown[]) => Promise<unknown>
    }
    await expect(pg.raw("UPDATE budget_key SET reservado = 60, comprometido = 40.01 WHERE id = ?", [key.id])).rejects.toThrow(
      /budget_key_stages_within_modificado/,
    )
    await expect(pg.raw("UPDATE budget_key SET pagado = -1 WHERE id = ?", [key.id])).rejects.toThrow(/budget_key_stages_within_modificado/)
  })

  it("rolls back a reservation when a later step fails: nothing stays reserved", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "500.00" })
    const base = await ledger.head()
    const wf = reserveBudgetWorkflow(container())
    ;(wf.addAction as unknown as (n: string, h: unknown, o: unknown) => void)(
      "fail-at-end",
      {
        invoke: async () => {
          throw new Error("fallo inducido por la prueba")
        },
      },
      { noCompensation: true },
    )
    const { transaction } = await wf.run({
      throwOnError: false,
      input: {
        budget_key_id: key.id,
        organization_id: world().orgs.agencyA,
        amount: "500.00",
        reference_type: "requisition",
        reference_id: "req_rb",
        idempotency_key: "rb-1",
      },
    })
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "0.00", disponible: "500.00" })
    const moves = await service().listBudgetMovements({ budget_key_id: key.id }, { order: { created_at: "ASC" } })
    expect(moves.map((m) => m.type)).toEqual(["reserve", "reversal"])
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    // The same idempotency key cannot resurrect a reverted reservation.
    const retry = await reserveBudgetWorkflow(container()).run({
      throwOnError: false,
      input: {
        budget_key_id: key.id,
        organization_id: world().orgs.agencyA,
        amount: "500.00",
        reference_type: "requisition",
        reference_id: "req_rb",
        idempotency_key: "rb-1",
      },
    })
    expect(retry.errors[0].error.code ?? retry.errors[0].error.message).toMatch(/IDEMPOTENCIA_CONFLICTO|revertida/)
    const entries = await ledger.since(base)
    expect(entries.map((e) => e.action)).toEqual(["budget_key.reserved", "budget_key.reserved.reverted"])
    expect(entries[1]).toMatchObject({ entity_id: key.id, details: { reverts_sequence: entries[0].sequence } })
  })

  it("ACCEPTANCE: 200 barrier-started reservations on one key never overspend; every refusal is a clear 409", async () => {
    const key = await makeKey(container(), world().orgs.agencyA, { aprobado: "1000000.00" })
    const requested = amounts(200, 1000, 15000)
    const total = requested.reduce((s, a) => MathBN.add(s, a), MathBN.convert(0))
    expect(MathBN.gt(total, "1000000")).toBe(true)
    const t = world().actors.requiring_unit.token
    const base = await ledger.head()
    const { gate, open } = barrier()
    const calls = requested.map((amount, i) =>
      gate.then(() =>
        reserve(
          t,
          {
            budget_key_id: key.id,
            amount,
            reference_type: "manual",
            reference_id: `req_${i}`,
            justification: "Suficiencia para la compra consolidada de papelería",
          },
          `race-${i}`,
        ),
      ),
    )
    open()
    const responses = await Promise.all(calls)
    const accepted = responses.map((r, i) => ({ r, amount: requested[i] })).filter(({ r }) => r.status === 201)
    const refused = responses.map((r, i) => ({ r, amount: requested[i] })).filter(({ r }) => r.status !== 201)
    expect(accepted.length).toBeGreaterThan(0)
    expect(refused.length).toBeGreaterThan(0)
    for (const { r } of refused) {
      expect(r.status).toBe(409)
      expect(r.body.code).toBe("FONDOS_INSUFICIENTES")
      expect(r.body.message).toMatch(
        /^Fondos insuficientes en la clave presupuestal .+: se solicitan \$[\d,]+\.\d{2} MXN y el disponible es \$[\d,]+\.\d{2} MXN\.$/,
      )
    }
    const acceptedSum = accepted.reduce((s, a) => MathBN.add(s, a.amount), MathBN.convert(0))
    const b = (await service().getBalances(key.id))!
    expect(MathBN.lte(b.reservado, b.modificado)).toBe(true)
    expect(b.reservado).toBe(acceptedSum.toFixed(2))
    expect(MathBN.gte(b.disponible, 0)).toBe(true)
    // disponible only went down during the race: every refused amount exceeds the final disponible.
    for (const { amount } of refused) {
      expect(MathBN.gt(amount, b.disponible)).toBe(true)
    }
    const moves = await service().listBudgetMovements({ budget_key_id: key.id }, { take: null })
    expect(moves).toHaveLength(accepted.length)
    const ledgerSum = moves.reduce((s, m) => MathBN.add(s, m.amount as string), MathBN.convert(0))
    expect(ledgerSum.toFixed(2)).toBe(acceptedSum.toFixed(2))
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    // Exactly one audit entry per accepted reservation, in one unforked chain.
    const entries = await ledger.since(base)
    expect(entries.every((e) => e.action === "budget_key.reserved" && e.entity_id === key.id)).toBe(true)
    expect(entries.map((e) => e.details?.movement_id).sort()).toEqual(accepted.map(({ r }) => r.body.reservation.id).sort())
    const verification = await container().resolve<{ verifyLedger: () => Promise<{ ok: boolean }> }>("audit_ledger").verifyLedger()
    expect(verification.ok).toBe(true)
  })
})
