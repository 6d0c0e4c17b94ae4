import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BUDGET_MODULE } from "@tienda/budget/modules/budget"
import { caKeyPem, writeTestCaDirectory } from "@tienda/contracts/efirma"
import { buildInvoice, sealCfdi } from "@tienda/e-invoicing/cfdi"
import { createCfdiTestPki, mexicoDateTime } from "@tienda/e-invoicing/cfdi/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { createSatSimulator } from "../../simulators/sat/src/app"
import { createSimulator } from "../../simulators/sicop-siaff/src/app"
import { makeKey } from "../http/budget/helpers"
import { signWithKeyOf } from "../http/contracts/efirma-helpers"
import { contractOrderFixtures } from "../http/e-invoicing/contract-order"
import { auditLedger } from "../utils/audit"
import { freePort } from "../utils/ports"
import { describeApp } from "../utils/runner"
import { serverProcess } from "./server-process"

/**
 * Faults survived: a `medusa start` server over the test's database is
 * killed with SIGKILL while a long flow's call to SICOP/SIAFF is in flight,
 * then started again; the client retries with the same request. Each flow
 * completes exactly once — one movement per idempotency key in our ledger,
 * one operation per key in the simulator, one audit entry per change.
 *
 * The kill is deterministic, not timed: the simulator holds the next
 * operation of a kind (`holdNext`), the test waits until it has arrived,
 * kills the server, then lets the simulator apply it late (the answer goes
 * to a dead socket) — the worst case, where SIAFF applied what our server
 * never heard back about.
 *
 * The in-process app (describeApp) builds the world and reads the ledgers;
 * the killed server is a separate process on the same database. The
 * database is restored before each test, so the chain is one test.
 */

const pki = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "faults-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle
const cfdiPki = createCfdiTestPki(pki.ca)
const satSchema = `sat_faults_${process.pid}`

// Both simulators before the app boots (medusa-config reads their URLs once); the child inherits them.
let SIM_PORT = 0
let sat: Awaited<ReturnType<typeof createSatSimulator>>
let satUrl = ""
beforeAll(async () => {
  SIM_PORT = await freePort()
  process.env.SICOP_SIAFF_URL = `http://127.0.0.1:${SIM_PORT}`
  process.env.SICOP_SIAFF_TIMEOUT_MS = "20000"
  const e = process.env
  sat = await createSatSimulator({
    databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
    schema: satSchema,
    ca: { cert_der: pki.ca.cert_der, key_pem: caKeyPem(pki.ca) },
  })
  const port = await freePort()
  satUrl = `http://127.0.0.1:${port}`
  await sat.listen(port)
  process.env.SAT_URL = satUrl
  process.env.SAT_TIMEOUT_MS = "20000"
})
afterAll(async () => {
  await sat?.dataSource.query(`DROP SCHEMA IF EXISTS "${satSchema}" CASCADE`)
  await sat?.close()
})

type BudgetService = {
  getBalances: (id: string) => Promise<Record<string, string> | null>
  reconcile: (id: string) => Promise<{ balanced: boolean }>
  listBudgetMovements: (
    f: Record<string, unknown>,
    c?: Record<string, unknown>,
  ) => Promise<{ id: string; type: string; idempotency_key: string; external_ref: string | null; amount: unknown }[]>
}

describeApp("faults survived: SIGKILL of the server in the middle of each long flow", ({ world, baseUrl, container }) => {
  const schema = `sicop_faults_${process.pid}`
  let sim: Awaited<ReturnType<typeof createSimulator>>
  const service = () => container().resolve<BudgetService>(BUDGET_MODULE)
  const ledger = auditLedger(container)
  let dbName = ""
  const server = serverProcess(() => {
    const e = process.env
    return {
      DATABASE_URL: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/${dbName}`,
      NODE_ENV: "development",
      DISABLE_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "warn",
    }
  })
  let serverPort = 0
  // Setup steps go to the in-process app; the steps that are killed and retried go to the child.
  const inChild = { on: false }
  const fx = contractOrderFixtures(
    world,
    () => (inChild.on ? server.url() : baseUrl()),
    container,
    () => pki.ca,
  )

  beforeAll(async () => {
    const e = process.env
    sim = await createSimulator({
      databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
      schema,
      seed: false,
    })
    await sim.listen(SIM_PORT)
    serverPort = await freePort()
  })
  afterAll(async () => {
    await server.kill()
    await sim.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await sim.close()
  })

  const simOps = async (clave: string) =>
    (await sim.dataSource.query(
      `SELECT idempotency_key, tipo, importe::text AS importe, estado, solicitudes FROM "${schema}".operacion WHERE clave = $1 ORDER BY created_at`,
      [clave],
    )) as { idempotency_key: string; tipo: string; importe: string; estado: string; solicitudes: number }[]
  const simClave = async (clave: string) => (await request(`http://127.0.0.1:${SIM_PORT}`).get(`/api/v1/claves/${clave}`)).body.clave
  const movements = async (keyId: string) =>
    (await service().listBudgetMovements({ budget_key_id: keyId }, { take: null, order: { created_at: "ASC" } })).map((m) => ({
      type: m.type,
      idempotency_key: m.idempotency_key,
      external_ref: m.external_ref,
    }))

  /**
   * Sends `send()` to the child server, waits until the simulator holds the
   * `kind` operation it causes, SIGKILLs the server, lets the simulator
   * apply the operation late, and starts the server again.
   */
  async function killDuring(kind: string, send: () => Promise<unknown>) {
    const hold = sim.holdNext(kind)
    inChild.on = true
    const inFlight = send().then(
      (r) => r,
      (e: Error) => e,
    )
    await hold.arrived
    await server.kill()
    const answer = await inFlight
    hold.release("apply")
    await server.start(serverPort)
    return answer
  }

  it("requisition submission with its reservation → contract entry into force → payment request → CLC: each completes exactly once", async () => {
    dbName = (
      (await container().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw("select current_database() as d")) as unknown as {
        rows: { d: string }[]
      }
    ).rows[0].d
    const { post, get, token } = fx
    const requester = () => token("requiring_unit")
    const key = await makeKey(container(), world().orgs.agencyA, { provider: "sicop_siaff", aprobado: "10000.00", ramo: "12" })
    await request(`http://127.0.0.1:${SIM_PORT}`).post("/api/v1/claves").send({ clave: key.clave, modificado: "10000.00" }).expect(200)

    // A draft requisition of 7 pens at 44.90 (364.59 with IVA), through the in-process app.
    const { itemId } = await fx.publishedContract()
    await fx.approvedOffer(itemId, world().orgs.supplier, "44.90")
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [offer],
    } = await query.graph({ entity: "offer", fields: ["variant_id"] })
    const cart = await post("/store/carts", { region_id: (await get("/store/regions")).body.regions[0].id }, requester())
    expect(
      (await post(`/store/carts/${cart.body.cart.id}/line-items`, { variant_id: offer.variant_id, quantity: 7 }, requester())).status,
    ).toBe(200)
    const created = await post(
      "/store/requisitions",
      {
        cart_id: cart.body.cart.id,
        unit_id: world().units["SSA-AR01"],
        justification: "Reposición trimestral de papelería del área",
        budget_key_id: key.id,
        delivery_place: "Almacén central, Lieja 7, Juárez, CDMX",
        delivery_date: new Date(Date.now() + 86400000).toISOString().slice(0, 10),
      },
      requester(),
    )
    expect(created.status).toBe(201)
    const requisitionId = created.body.requisition.id as string
    await server.start(serverPort)

    // 1. Submission with its reservation: killed while SIAFF holds the precompromiso.
    let head = await ledger.head()
    const lost = await killDuring("precompromiso", () => post(`/store/requisitions/${requisitionId}/submit`, {}, requester()))
    expect(lost).not.toHaveProperty("status") // the client never got an answer
    const retried = await post(`/store/requisitions/${requisitionId}/submit`, {}, requester())
    expect(retried.status).toBe(200)
    expect(retried.body.requisition.status).toBe("pending_approval")
    const reservationKey = `requisition:${requisitionId}:r1`
    expect(await movements(key.id)).toEqual([
      { type: "reserve", idempotency_key: reservationKey, external_ref: expect.stringMatching(/^SIAFF-/) },
    ])
    expect((await simOps(key.clave)).map((o) => [o.idempotency_key, o.tipo, o.importe, o.estado])).toEqual([
      [reservationKey, "precompromiso", "364.59", "aplicada"],
    ])
    const reserved = { reservado: "364.59", comprometido: "0.00", disponible: "9635.41" }
    expect(await service().getBalances(key.id)).toMatchObject(reserved)
    expect(await simClave(key.clave)).toMatchObject(reserved)
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    expect((await ledger.since(head)).map((e) => e.action)).toEqual(["budget_key.reserved", "requisition.submitted"])

    // 2. Contract generation and entry into force: approvals and the contract
    // through the in-process app; killed in the supplier's (last) signature
    // while SIAFF holds the compromiso.
    inChild.on = false
    for (const bearer of [await fx.unitHead(), token("purchasing_unit"), token("budget")]) {
      if ((await get(`/store/requisitions/${requisitionId}`, requester())).body.requisition.status !== "pending_approval") {
        break
      }
      expect((await post(`/store/requisitions/${requisitionId}/decisions`, { decision: "approve" }, bearer)).status).toBe(200)
    }
    expect((await post(`/store/requisitions/${requisitionId}/contracts`, {}, token("purchasing_unit"))).status).toBe(201)
    const {
      data: [linked],
    } = await query.graph({ entity: "requisition", fields: ["specific_contracts.id"], filters: { id: requisitionId } })
    const contractId = (linked.specific_contracts as { id: string }[])[0].id
    expect((await fx.signers.sign(contractId, "agency", world().actors.purchasing_unit)).status).toBe(200)
    await fx.signers.efirmaOf(world().actors.supplier_user)
    head = await ledger.head()
    await killDuring("compromiso", () => fx.signers.sign(contractId, "supplier", world().actors.supplier_user))
    // The signature and the entry into force were stored before the kill; the order was not.
    const contractNow = async () =>
      (
        await query.graph({
          entity: "specific_contract",
          fields: ["id", "status", "in_force_at", "order.id"],
          filters: { id: contractId },
        })
      ).data[0] as unknown as { status: string; in_force_at: string; order: { id: string } | null }
    const interrupted = await contractNow()
    expect([interrupted.status, interrupted.order?.id ?? null]).toEqual(["in_force", null])
    // The retry of the signature cannot finish it: the contract is signed.
    const again = await fx.signers.sign(contractId, "supplier", world().actors.supplier_user)
    expect(again.body.code).toBe("CONTRATO_YA_FIRMADO")
    // The recovery job does, once the grace period has passed (clock injected); a second run finds nothing.
    const { finishInterruptedOrderReleases, DEFAULT_ORDER_RELEASE_GRACE_MINUTES } =
      await import("@tienda/requisitions/jobs/finish-interrupted-order-releases")
    const later = new Date(new Date(interrupted.in_force_at).getTime() + (DEFAULT_ORDER_RELEASE_GRACE_MINUTES + 1) * 60_000)
    expect(
      await finishInterruptedOrderReleases(container(), { now: new Date(new Date(interrupted.in_force_at).getTime() + 1000) }),
    ).toEqual({
      finished: 0,
      failed: 0,
    })
    expect(await finishInterruptedOrderReleases(container(), { now: later })).toEqual({ finished: 1, failed: 0 })
    expect(await finishInterruptedOrderReleases(container(), { now: later })).toEqual({ finished: 0, failed: 0 })
    const done = await contractNow()
    expect(done.order?.id).toEqual(expect.any(String))
    const orders = (await query.graph({ entity: "order", fields: ["id", "total", "metadata"] })).data.filter(
      (o) => (o.metadata as { requisition_number?: string } | null)?.requisition_number,
    )
    expect(orders.map((o) => [o.id, Number(o.total)])).toEqual([[done.order!.id, 364.59]])
    expect((await get(`/store/requisitions/${requisitionId}`, requester())).body.requisition.status).toBe("ordered")
    const compromisoKey = `specific_contract:${contractId}:compromiso`
    expect((await movements(key.id)).map((m) => [m.type, m.idempotency_key, !!m.external_ref])).toEqual([
      ["reserve", reservationKey, true],
      ["commit", compromisoKey, true],
    ])
    expect((await simOps(key.clave)).map((o) => [o.idempotency_key, o.tipo, o.estado])).toEqual([
      [reservationKey, "precompromiso", "aplicada"],
      [compromisoKey, "compromiso", "aplicada"],
    ])
    const committed = { reservado: "0.00", comprometido: "364.59", disponible: "9635.41" }
    expect(await service().getBalances(key.id)).toMatchObject(committed)
    expect(await simClave(key.clave)).toMatchObject(committed)
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    expect((await ledger.since(head)).map((e) => e.action)).toEqual([
      "specific_contract.signed",
      "budget_key.committed",
      "specific_contract.order_released",
    ])

    // 3. Payment request → CLC: shipment, reception and the stamped CFDI through the in-process app
    // (the CFDI's match accrues: devengo); killed in the authorisation while SIAFF holds the CLC.
    const supplier = world().actors.supplier_user
    const cred = await fx.efirmaOf(supplier)
    const BANAMEX = "002010077777777771"
    const prepared = await get(`/supplier/bank-accounts/signing-payload?clabe=${BANAMEX}`, supplier.token)
    expect(
      (await post("/supplier/bank-accounts", { clabe: BANAMEX, ...signWithKeyOf(cred, cred, prepared.body.payload) }, supplier.token))
        .status,
    ).toBe(201)
    const shipment = await post(
      `/supplier/orders/${done.order!.id}/shipments`,
      { delivery_note: "REM-1", lines: [{ contract_line: 1, quantity: 7 }] },
      supplier.token,
    )
    expect(shipment.status).toBe(201)
    const reception = await post(
      "/store/receptions",
      { shipment_id: shipment.body.shipment.id, lines: [{ contract_line: 1, accepted_quantity: 7, rejected_quantity: 0 }] },
      token("reception_manager"),
    )
    expect(reception.status).toBe(201)
    const orgs = container().resolve("organization") as { retrieveOrganization: (id: string) => Promise<{ rfc: string }> }
    const sup = await orgs.retrieveOrganization(world().orgs.supplier)
    const agency = await orgs.retrieveOrganization(world().orgs.agencyA)
    const cfdi = buildInvoice({
      serie: "F",
      folio: "1",
      fecha: mexicoDateTime(new Date(Date.now() - 30000)),
      forma_pago: "03",
      metodo_pago: "PUE",
      lugar_expedicion: "37000",
      emisor: { rfc: sup.rfc, nombre: "PAPELERIA INDUSTRIAL DEL BAJIO", regimen_fiscal: "601" },
      receptor: { rfc: agency.rfc, nombre: "SECRETARIA DE SALUD", domicilio_fiscal: "06600", regimen_fiscal: "603", uso_cfdi: "G01" },
      conceptos: [
        {
          clave_prod_serv: "44121704",
          no_identificacion: "AM-001",
          cantidad: "7",
          clave_unidad: "XBX",
          descripcion: "Bolígrafo tinta azul punto mediano",
          valor_unitario: "44.90",
        },
      ],
    })
    const csd = cfdiPki.csd({ rfc: sup.rfc, name: "PAPELERIA INDUSTRIAL DEL BAJIO" })
    const stampedCfdi = await request(satUrl).post("/api/v1/pac/timbrar").set("Content-Type", "text/xml").send(sealCfdi(cfdi, csd))
    expect(stampedCfdi.status).toBe(201)
    const invoice = await post("/supplier/invoices", { order_id: done.order!.id, xml: stampedCfdi.body.xml }, supplier.token)
    expect([invoice.status, invoice.body.invoice?.status]).toEqual([201, "payment_requested"])
    const [pr] = (await get("/store/payment-requests", token("payment_typist"))).body.payment_requests as { id: string }[]
    head = await ledger.head()
    await killDuring("clc", () => post(`/store/payment-requests/${pr.id}/authorize`, {}, token("budget")))
    const authorized = await post(`/store/payment-requests/${pr.id}/authorize`, {}, token("budget"))
    expect(authorized.status).toBe(200)
    const folio = authorized.body.payment_request.clc_folio as string
    expect(folio).toMatch(/^CLC/)
    // a third authorisation is refused: the CLC exists
    expect((await post(`/store/payment-requests/${pr.id}/authorize`, {}, token("budget"))).body.code).toBe("ESTADO_CAMBIO")
    const ejercidoKey = `payment_request:${pr.id}:ejercido`
    expect((await movements(key.id)).map((m) => [m.type, !!m.external_ref])).toEqual([
      ["reserve", true],
      ["commit", true],
      ["accrue", true],
      ["exercise", true],
    ])
    expect((await movements(key.id))[3].idempotency_key).toBe(ejercidoKey)
    expect((await simOps(key.clave)).map((o) => [o.tipo, o.estado])).toEqual([
      ["precompromiso", "aplicada"],
      ["compromiso", "aplicada"],
      ["devengo", "aplicada"],
      ["clc", "aplicada"],
    ])
    const clcs: { folio: string }[] = await sim.dataSource.query(`SELECT folio FROM "${schema}".clc WHERE clave = $1`, [key.clave])
    expect(clcs).toEqual([{ folio }])
    const exercised = { comprometido: "0.00", devengado: "0.00", ejercido: "364.59" }
    expect(await service().getBalances(key.id)).toMatchObject(exercised)
    expect(await simClave(key.clave)).toMatchObject(exercised)
    expect((await service().reconcile(key.id)).balanced).toBe(true)
    expect((await ledger.since(head)).map((e) => e.action)).toEqual(["budget_key.exercised", "payment_request.exercised"])
  })
})
