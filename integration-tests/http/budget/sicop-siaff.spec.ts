import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { writeTestCaDirectory } from "@tienda/contracts/efirma"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import {
  accrueBudgetWorkflow,
  commitBudgetWorkflow,
  exerciseBudgetWorkflow,
  payBudgetWorkflow,
  releaseBudgetWorkflow,
  reserveBudgetWorkflow,
  type BudgetMovementWorkflowInput,
} from "@tienda/budget/workflows"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { createSimulator } from "../../../simulators/sicop-siaff/src/app"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { freePort } from "../../utils/ports"
import { contractOrderFixtures } from "../e-invoicing/contract-order"
import { barrier, makeKey } from "./helpers"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE: the chain test signs a specific contract.
const pki = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "sicop-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

// The app reads these when it starts (medusa-config.ts → budget plugin
// options); a root-level beforeAll runs before the runner boots the app. The
// timeout is far above any real answer on a loaded machine, far below the
// injected hang.
let SIM_PORT = 0
const HANG_MS = 4000
beforeAll(async () => {
  SIM_PORT = await freePort()
  process.env.SICOP_SIAFF_URL = `http://127.0.0.1:${SIM_PORT}`
  process.env.SICOP_SIAFF_TIMEOUT_MS = "2000"
})

type BudgetService = {
  getBalances: (id: string) => Promise<Record<string, string> | null>
  reconcile: (id: string) => Promise<{ balanced: boolean }>
  listBudgetMovements: (
    f: Record<string, unknown>,
    c?: Record<string, unknown>,
  ) => Promise<{ id: string; type: string; idempotency_key: string; external_ref: string | null }[]>
}

describeApp("budget against SICOP/SIAFF (simulator)", ({ world, baseUrl, container }) => {
  const simUrl = () => `http://127.0.0.1:${SIM_PORT}`
  const schema = `sicop_siaff_test_${process.pid}`
  let sim: Awaited<ReturnType<typeof createSimulator>>
  const service = () => container().resolve<BudgetService>(BUDGET_MODULE)
  const ledger = auditLedger(container)

  beforeAll(async () => {
    const e = process.env
    sim = await createSimulator({
      databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
      schema,
      seed: false,
      faults: { hangMs: HANG_MS },
    })
    await sim.listen(SIM_PORT)
  })
  afterAll(async () => {
    await sim.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await sim.close()
  })
  beforeEach(() => {
    Object.assign(sim.faults, { rate500: 0, rateTimeout: 0, rateDuplicate: 0, latencyMs: 0, seed: null })
  })

  /** A sicop_siaff key in our DB and the same clave in the simulator. */
  const sicopKey = async (amount: string) => {
    const key = await makeKey(container(), world().orgs.agencyA, { provider: "sicop_siaff", aprobado: amount, ramo: "12" })
    await request(simUrl()).post("/api/v1/claves").send({ clave: key.clave, modificado: amount }).expect(200)
    return key
  }
  const simClave = async (clave: string) => (await request(simUrl()).get(`/api/v1/claves/${clave}`)).body.clave
  const simOp = async (key: string) => {
    const r = await request(simUrl()).get(`/api/v1/operaciones/${encodeURIComponent(key)}`)
    return r.status === 200 ? r.body.operacion : null
  }
  /** Idempotency keys of the reservations alive in our ledger (not compensated) and in the simulator. */
  const liveReservations = async (keyId: string, clave: string) => {
    const compensated = new Set(
      (await service().listBudgetMovements({ budget_key_id: keyId, type: "reversal" }, { take: null })).map((m) =>
        m.idempotency_key.replace(/:compensacion$/, ""),
      ),
    )
    const local = (await service().listBudgetMovements({ budget_key_id: keyId, type: "reserve" }, { take: null }))
      .map((m) => m.idempotency_key)
      .filter((k) => !compensated.has(k))
      .sort()
    const rows: { idempotency_key: string }[] = await sim.dataSource.query(
      `SELECT idempotency_key FROM "${schema}".operacion WHERE clave = $1 AND tipo = 'precompromiso' AND estado = 'aplicada'`,
      [clave],
    )
    return { local, sim: rows.map((r) => r.idempotency_key).sort() }
  }
  type Extra = Partial<BudgetMovementWorkflowInput> & {
    amount: string
    idempotency_key: string
    beneficiary_rfc?: string
    beneficiary_clabe?: string
  }
  const input = (budget_key_id: string, extra: Extra): BudgetMovementWorkflowInput & Extra => ({
    budget_key_id,
    organization_id: world().orgs.agencyA,
    reference_type: "requisition",
    reference_id: "req_1",
    ...extra,
  })

  it("listens on loopback only and, given a token, answers nothing but /health without it", async () => {
    expect((sim.server()?.address() as { address: string }).address).toBe("127.0.0.1")
    const e = process.env
    const guarded = await createSimulator({
      databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
      schema,
      seed: false,
      token: "token-compartido-de-prueba",
    })
    try {
      expect((await request(guarded.app).get("/health")).status).toBe(200)
      const open = await request(guarded.app).get("/api/v1/claves/X")
      expect(open.status).toBe(401)
      expect(open.body.code).toBe("TOKEN_REQUERIDO")
      expect((await request(guarded.app).get("/api/v1/claves/X").set("authorization", "Bearer otro")).status).toBe(401)
      expect((await request(guarded.app).get("/api/v1/claves/X").set("authorization", "Bearer token-compartido-de-prueba")).status).toBe(
        404,
      )
    } finally {
      await guarded.close()
    }
  })

  it("serves /health and its OpenAPI description", async () => {
    expect((await request(simUrl()).get("/health")).body).toEqual({ status: "ok" })
    const doc = (await request(simUrl()).get("/openapi.json")).body
    expect(doc.openapi).toBe("3.0.3")
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/operaciones/precompromiso", "/api/v1/clc/{folio}"]))
  })

  const chain = contractOrderFixtures(world, baseUrl, container, () => pki.ca)

  it("the whole chain on a SICOP/SIAFF key: requisition → contract signed by both → order; both ledgers agree to the centavo", async () => {
    const key = await sicopKey("10000.00")
    const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10)
    // 7 × 44.90 = 314.30; IVA 50.288 → 50.29 (per concept, SAT rounding)
    const done = await chain.signedContractOrder({ quantity: 7, price: "44.90", deliveryDate: tomorrow, budgetKey: key })
    expect(done.total).toBe("364.59")
    const stages = { reservado: "0.00", comprometido: "364.59", disponible: "9635.41" }
    expect(await service().getBalances(key.id)).toMatchObject(stages)
    expect(await simClave(key.clave)).toMatchObject(stages)
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    // SICOP/SIAFF saw each of our movements once, under our idempotency keys
    const local = (await service().listBudgetMovements({ budget_key_id: key.id }, { take: null })) as unknown as {
      type: string
      amount: unknown
      idempotency_key: string
      external_ref: string | null
    }[]
    const ops: { idempotency_key: string; tipo: string; importe: string; estado: string; solicitudes: number }[] =
      await sim.dataSource.query(
        `SELECT idempotency_key, tipo, importe::text AS importe, estado, solicitudes FROM "${schema}".operacion WHERE clave = $1 ORDER BY created_at`,
        [key.clave],
      )
    expect(ops.map((o) => [o.tipo, o.importe, o.estado])).toEqual([
      ["precompromiso", "364.59", "aplicada"],
      ["compromiso", "364.59", "aplicada"],
    ])
    expect(ops.map((o) => o.idempotency_key).sort()).toEqual(local.map((m) => m.idempotency_key).sort())
    expect(ops.find((o) => o.tipo === "compromiso")!.idempotency_key).toBe(`specific_contract:${done.contract_id}:compromiso`)
    expect(local.every((m) => m.external_ref)).toBe(true)
    // the order released by the contract carries the same total with IVA
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "tax_total", "total"], filters: { id: done.order_id } })
    expect([Number(order.tax_total), Number(order.total)]).toEqual([50.29, 364.59])
  })

  it("walks reserve → commit → accrue → CLC → SPEI payment in both ledgers", async () => {
    const key = await sicopKey("50000.00")
    const base = await ledger.head()
    const r = await reserveBudgetWorkflow(container()).run({ input: input(key.id, { amount: "12000.00", idempotency_key: "s-r" }) })
    expect(r.result.external_ref).toMatch(/^SIAFF-/)
    const c = await commitBudgetWorkflow(container()).run({
      input: input(key.id, {
        amount: "11500.00",
        parent_id: r.result.id,
        idempotency_key: "s-c",
        reference_type: "contract",
        reference_id: "ctr_1",
      }),
    })
    await releaseBudgetWorkflow(container()).run({
      input: input(key.id, { amount: "500.00", parent_id: r.result.id, idempotency_key: "s-l" }),
    })
    const a = await accrueBudgetWorkflow(container()).run({
      input: input(key.id, {
        amount: "11500.00",
        parent_id: c.result.id,
        idempotency_key: "s-a",
        reference_type: "invoice",
        reference_id: "cfdi_1",
      }),
    })
    const x = await exerciseBudgetWorkflow(container()).run({
      input: input(key.id, {
        amount: "11500.00",
        parent_id: a.result.id,
        idempotency_key: "s-x",
        reference_type: "clc",
        reference_id: "clc_1",
        beneficiary_rfc: "PIB040312A11",
        beneficiary_clabe: "012180001234567891",
      }),
    })
    expect(x.result.external_ref).toMatch(/^CLC-/)
    const p = await payBudgetWorkflow(container()).run({
      input: input(key.id, {
        amount: "11500.00",
        parent_id: x.result.id,
        idempotency_key: "s-p",
        reference_type: "payment",
        reference_id: "pay_1",
      }),
    })
    expect(p.result.clave_rastreo).toMatch(/^TESOFE\d{8}[0-9A-F]{10}$/)
    const ours = await service().getBalances(key.id)
    expect(ours).toMatchObject({ reservado: "0.00", comprometido: "0.00", pagado: "11500.00", disponible: "38500.00" })
    expect(await simClave(key.clave)).toMatchObject({
      reservado: "0.00",
      comprometido: "0.00",
      devengado: "0.00",
      ejercido: "0.00",
      pagado: "11500.00",
      disponible: "38500.00",
    })
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    // One audit entry per stage, each after SICOP/SIAFF accepted it (the CLC folio included).
    const entries = await ledger.since(base)
    expect(entries.map((e) => [e.action, e.entity_id, e.actor_type])).toEqual(
      ["reserved", "committed", "released", "accrued", "exercised", "paid"].map((a) => [`budget_key.${a}`, key.id, "system"]),
    )
    expect(entries.map((e) => e.actor_id)).toEqual(
      ["reserve", "commit", "release", "accrue", "exercise", "pay"].map((w) => `budget-${w}-budget`),
    )
    expect(entries[4].details).toMatchObject({ movement_id: x.result.id, external_ref: x.result.external_ref })
  })

  it("refused by SICOP/SIAFF → our reservation is compensated; a failing later step cancels it in the simulator", async () => {
    const key = await sicopKey("1000.00")
    // SICOP/SIAFF knows less money than we do: it refuses and we roll back.
    await request(simUrl()).post("/api/v1/claves").send({ clave: key.clave, modificado: "100.00" }).expect(200)
    const base = await ledger.head()
    const { errors } = await reserveBudgetWorkflow(container()).run({
      throwOnError: false,
      input: input(key.id, { amount: "500.00", idempotency_key: "s-refused" }),
    })
    expect(errors[0].error.code ?? errors[0].error.message).toMatch(/FONDOS_INSUFICIENTES|fondos suficientes/)
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "0.00" })
    // Refused before it was accepted anywhere: nothing was recorded.
    expect(await ledger.since(base)).toEqual([])

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
    const { transaction } = await wf.run({ throwOnError: false, input: input(key.id, { amount: "60.00", idempotency_key: "s-rollback" }) })
    expect(transaction.getFlow().state).toBe("reverted")
    expect((await simOp("s-rollback")).estado).toBe("cancelada")
    expect(await simClave(key.clave)).toMatchObject({ reservado: "0.00", disponible: "100.00" })
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "0.00", disponible: "1000.00" })
    expect((await ledger.since(base)).map((e) => e.action)).toEqual(["budget_key.reserved", "budget_key.reserved.reverted"])
  })

  it("ACCEPTANCE: with 30% injected 500s/timeouts each requisition is reserved exactly once or cleanly refused; no orphans", async () => {
    const key = await sicopKey("20000.00")
    // A seeded fault sequence: the first 26 simulator calls (at least 26 are made: the local guard
    // lets 26 reservations through before any is refused) hold 9 faults on every run.
    Object.assign(sim.faults, { rate500: 0.15, rateTimeout: 0.15, seed: 2026 })
    for (const k of Object.keys(sim.stats)) {
      delete sim.stats[k]
    }
    const { gate, open } = barrier()
    const N = 40
    const runs = Array.from({ length: N }, (_, i) =>
      gate.then(() =>
        reserveBudgetWorkflow(container()).run({
          throwOnError: false,
          input: input(key.id, { amount: "750.00", idempotency_key: `fault-${i}`, reference_id: `req_f${i}` }),
        }),
      ),
    )
    open()
    const outcomes = await Promise.all(runs)
    Object.assign(sim.faults, { rate500: 0, rateTimeout: 0 })
    // Let late ("timeout") deliveries land before checking for orphans.
    await new Promise((r) => setTimeout(r, HANG_MS + 500))

    let reserved = 0
    for (const [i, o] of outcomes.entries()) {
      const op = await simOp(`fault-${i}`)
      const local = await service().listBudgetMovements({ idempotency_key: [`fault-${i}`, `fault-${i}:compensacion`] })
      if (!o.errors.length) {
        reserved++
        expect(op).toMatchObject({ estado: "aplicada", importe: "750.00" })
        expect(local.map((m) => m.type)).toEqual(["reserve"])
      } else {
        // Cleanly refused: nothing left reserved here or there.
        expect(o.errors[0].error.code ?? o.errors[0].error.message).toMatch(
          /FONDOS_INSUFICIENTES|SICOP_SIAFF_NO_DISPONIBLE|fondos|no respondió/,
        )
        expect(op === null || op.estado === "cancelada").toBe(true)
        expect(local.map((m) => m.type).sort()).toEqual(local.length ? ["reserve", "reversal"] : [])
      }
    }
    // Vice versa: the simulator holds exactly our live reservations, one operation each (no orphans).
    const live = await liveReservations(key.id, key.clave)
    expect(live.local).toHaveLength(reserved)
    expect(live.sim).toEqual(live.local)

    // Faults really happened (about 30% of the calls) and were retried.
    const injected = ["500", "500-after", "timeout", "timeout-after"].reduce((s, f) => s + (sim.stats[f] ?? 0), 0)
    expect(injected).toBeGreaterThan(5)
    expect(reserved).toBeGreaterThan(0)
    expect(reserved).toBeLessThanOrEqual(26) // floor(20000 / 750)
    const expected = MathBN.mult("750", reserved).toFixed(2)
    expect(await simClave(key.clave)).toMatchObject({ reservado: expected })
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: expected })
    expect((await service().reconcile(key.id)).balanced).toBe(true)

    // Requisitions retry with the same idempotency keys, faults still on: a reserved one gets its
    // same reservation back, nothing is reserved twice, and both ledgers still match one to one.
    Object.assign(sim.faults, { rate500: 0.15, rateTimeout: 0.15 })
    const retried = await Promise.all(
      outcomes.map((_, i) =>
        reserveBudgetWorkflow(container()).run({
          throwOnError: false,
          input: input(key.id, { amount: "750.00", idempotency_key: `fault-${i}`, reference_id: `req_f${i}` }),
        }),
      ),
    )
    Object.assign(sim.faults, { rate500: 0, rateTimeout: 0 })
    await new Promise((r) => setTimeout(r, HANG_MS + 500))
    for (const [i, o] of outcomes.entries()) {
      if (!o.errors.length) {
        expect(retried[i].result).toMatchObject({ id: o.result.id, replayed: true })
      }
    }
    const after = await liveReservations(key.id, key.clave)
    expect(after.sim).toEqual(after.local)
    expect(after.local.length).toBeLessThanOrEqual(26)
    const expectedAfter = MathBN.mult("750", after.local.length).toFixed(2)
    expect(await simClave(key.clave)).toMatchObject({ reservado: expectedAfter })
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: expectedAfter })
    expect((await service().reconcile(key.id)).balanced).toBe(true)
  })

  it("barrier-started duplicates of one reservation apply once in both systems", async () => {
    const key = await sicopKey("1000.00")
    Object.assign(sim.faults, { rateDuplicate: 0.5 })
    const { gate, open } = barrier()
    const runs = Array.from({ length: 8 }, () =>
      gate.then(() =>
        reserveBudgetWorkflow(container()).run({
          throwOnError: false,
          input: input(key.id, { amount: "100.00", idempotency_key: "dup-1" }),
        }),
      ),
    )
    open()
    const outcomes = await Promise.all(runs)
    expect(outcomes.filter((o) => !o.errors.length).length).toBeGreaterThan(0)
    expect(await simClave(key.clave)).toMatchObject({ reservado: "100.00" })
    expect(await service().getBalances(key.id)).toMatchObject({ reservado: "100.00" })
  })
})
