import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { caKeyPem, writeTestCaDirectory, type TestCaDirectory } from "@tienda/contracts/efirma"
import { buildCreditNote, buildInvoice, buildPaymentComplement, sealCfdi, type InvoiceLineDraft } from "@tienda/e-invoicing/cfdi"
import { createCfdiTestPki, mexicoDateTime } from "@tienda/e-invoicing/cfdi/testing"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { randomUUID } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Stripe from "stripe"
import request from "supertest"
import { createSatSimulator } from "../../../simulators/sat/src/app"
import { createSimulator as createSicopSiaffSimulator } from "../../../simulators/sicop-siaff/src/app"
import { makeRfc } from "../../../seed/src/rfc"
import { auditLedger } from "../../utils/audit"
import { freePort } from "../../utils/ports"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { makeKey } from "../budget/helpers"
import { signWithKeyOf } from "../contracts/efirma-helpers"
import { contractOrderFixtures } from "./contract-order"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE: it issues the
// e.firmas that sign the contract, the supplier's CSD and the SAT simulator's PAC certificate.
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "einv-inv-")))
process.env.EFIRMA_CA_BUNDLE = pki.bundle
const cfdiPki = createCfdiTestPki(pki.ca)
const schema = `sat_inv_${process.pid}`
let sim: Awaited<ReturnType<typeof createSatSimulator>>
let satUrl = ""
// SICOP/SIAFF (CLCs of sicop_siaff keys), settling a CLC as soon as it is asked for
const siaffSchema = `siaff_inv_${process.pid}`
let siaff: Awaited<ReturnType<typeof createSicopSiaffSimulator>>
let siaffUrl = ""

// A local stand-in for Stripe's API (no network): it creates and cancels PaymentIntents as Stripe answers
// them, and records what Medusa's Stripe provider asked. Webhooks are signed with the stripe library's test helper.
const STRIPE_WEBHOOK_SECRET = "whsec_tienda_prueba"
type StripeCall = { method: string; path: string; form: URLSearchParams; idempotencyKey: string | null }
const stripeCalls: StripeCall[] = []
let stripeServer: Server
function fakeStripe(): Server {
  let n = 0
  return createServer((req, res) => {
    let body = ""
    req.on("data", (c) => (body += c))
    req.on("end", () => {
      const form = new URLSearchParams(body)
      const path = (req.url ?? "").split("?")[0]
      stripeCalls.push({ method: req.method ?? "", path, form, idempotencyKey: (req.headers["idempotency-key"] as string) ?? null })
      res.setHeader("content-type", "application/json")
      if (req.method === "POST" && path === "/v1/payment_intents") {
        const metadata: Record<string, string> = {}
        for (const [k, v] of form) {
          const m = /^metadata\[(.+)\]$/.exec(k)
          if (m) {
            metadata[m[1]] = v
          }
        }
        res.end(
          JSON.stringify({
            id: `pi_prueba_${++n}`,
            object: "payment_intent",
            amount: Number(form.get("amount")),
            amount_received: 0,
            currency: form.get("currency"),
            status: "requires_payment_method",
            capture_method: form.get("capture_method"),
            metadata,
          }),
        )
        return
      }
      const cancel = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path)
      if (req.method === "POST" && cancel) {
        res.end(JSON.stringify({ id: cancel[1], object: "payment_intent", status: "canceled", metadata: {} }))
        return
      }
      res.statusCode = 404
      res.end(JSON.stringify({ error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${path})` } }))
    })
  })
}

// Before the app boots (medusa-config reads SAT_URL into the plugin options once).
beforeAll(async () => {
  stripeServer = fakeStripe()
  const stripePort = await freePort()
  await new Promise<void>((resolve) => stripeServer.listen(stripePort, "127.0.0.1", resolve))
  process.env.STRIPE_API_KEY = "sk_test_tienda_prueba"
  process.env.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
  process.env.STRIPE_API_BASE = `http://127.0.0.1:${stripePort}`
  const e = process.env
  sim = await createSatSimulator({
    databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
    schema,
    ca: { cert_der: pki.ca.cert_der, key_pem: caKeyPem(pki.ca) },
  })
  const port = await freePort()
  satUrl = `http://127.0.0.1:${port}`
  await sim.listen(port)
  process.env.SAT_URL = satUrl
  process.env.SAT_TIMEOUT_MS = "4000"
  siaff = await createSicopSiaffSimulator({
    databaseUrl: `postgres://${e.DB_USERNAME}:${e.DB_PASSWORD}@${e.DB_HOST}:${e.DB_PORT}/postgres`,
    schema: siaffSchema,
    seed: false,
  })
  const siaffPort = await freePort()
  siaffUrl = `http://127.0.0.1:${siaffPort}`
  await siaff.listen(siaffPort)
  process.env.SICOP_SIAFF_URL = siaffUrl
})
afterAll(async () => {
  delete process.env.STRIPE_API_KEY
  delete process.env.STRIPE_WEBHOOK_SECRET
  delete process.env.STRIPE_API_BASE
  await new Promise((resolve) => stripeServer?.close(resolve))
  await siaff?.dataSource.query(`DROP SCHEMA IF EXISTS "${siaffSchema}" CASCADE`)
  await siaff?.close()
  await sim?.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await sim?.close()
  rmSync(pki.dir, { recursive: true, force: true })
})

type Clocked = { useClock: (c: (() => Date) | null) => Promise<void> }
type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * CFDI upload by the supplier for what the agency received: the context
 * comes from the records (contract, receptions, agency, accepted UUIDs);
 * the CFDI is stamped by the SAT simulator's test PAC and its status asked
 * through @nodecfdi/sat-estado-cfdi. 201 for the valid one, 422 with every
 * failure, 503 when SAT is down; a UUID is accepted once, in any agency.
 */
describeApp("supplier invoices (CFDI 4.0 upload)", ({ world, baseUrl, container }) => {
  const fx = contractOrderFixtures(world, baseUrl, container, () => pki.ca)
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const ledger = auditLedger(container)
  const send = (method: "get" | "post", path: string, token: string, body?: object) => {
    const r = request(baseUrl())[method](path).set("authorization", `Bearer ${token}`).set("x-publishable-api-key", world().publishableKey)
    return body ? r.send(body) : r
  }
  const supplier = () => world().actors.supplier_user.token
  const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10)
  afterEach(() => (container().resolve("e_invoice") as unknown as Clocked).useClock(null))
  beforeEach(() => {
    Object.assign(sim.faults, { rate500: 0, rateTimeout: 0, rateGarbage: 0, rateNotFound: 0, latencyMs: 0, seed: null })
    Object.assign(siaff.faults, { rate500: 0, rateTimeout: 0, rateDuplicate: 0, latencyMs: 0, seed: null })
  })

  /** An order with `received` pens accepted by the agency's Reception Manager. */
  async function receivedOrder(
    received: number,
    shipped = received,
    generation: Pick<Parameters<typeof fx.signedContractOrder>[0], "paymentPlan" | "beforeGeneration"> = {},
  ) {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5), ...generation })
    const s = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
      delivery_note: "REM-1",
      lines: [{ contract_line: 1, quantity: shipped }],
    })
    expect(s.status).toBe(201)
    const r = await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: received, rejected_quantity: shipped - received }],
    })
    expect(r.status).toBe(201)
    return o
  }

  let folio = 0
  /** A nota de crédito (CFDI de egreso) from the world's supplier to agency A for `amount`, relating `uuid`, stamped by the simulator's PAC. */
  async function creditNote(over: { uuid: string; amount: string; tipo_relacion?: string; tipo?: string }) {
    const orgs = container().resolve("organization") as { retrieveOrganization: (id: string) => Promise<{ rfc: string }> }
    const sup = await orgs.retrieveOrganization(world().orgs.supplier)
    const agency = await orgs.retrieveOrganization(world().orgs.agencyA)
    const csd = cfdiPki.csd({ rfc: sup.rfc, name: "PAPELERIA INDUSTRIAL DEL BAJIO" })
    const c = buildCreditNote({
      serie: "NC",
      folio: String(++folio),
      fecha: mexicoDateTime(new Date(Date.now() - 30000)),
      lugar_expedicion: "37000",
      emisor: { rfc: sup.rfc, nombre: "PAPELERIA INDUSTRIAL DEL BAJIO", regimen_fiscal: "601" },
      receptor: { rfc: agency.rfc, nombre: "SECRETARIA DE SALUD", domicilio_fiscal: "06600", regimen_fiscal: "603" },
      invoice_uuid: over.uuid,
      amount: over.amount,
      tipo_relacion: over.tipo_relacion,
    })
    if (over.tipo) {
      c.addAttributes({ TipoDeComprobante: over.tipo })
    }
    const res = await request(satUrl).post("/api/v1/pac/timbrar").set("Content-Type", "text/xml").send(sealCfdi(c, csd))
    expect(res.status).toBe(201)
    return res.body.xml as string
  }
  /** A CFDI from the world's supplier to agency A, sealed with its CSD and stamped by the simulator's PAC. */
  async function stamped(lines: Partial<InvoiceLineDraft>[], over: { receptorRfc?: string; ppd?: boolean } = {}) {
    const orgs = container().resolve("organization") as {
      retrieveOrganization: (id: string) => Promise<{ rfc: string; legal_name: string }>
    }
    const sup = await orgs.retrieveOrganization(world().orgs.supplier)
    const agency = await orgs.retrieveOrganization(world().orgs.agencyA)
    const csd = cfdiPki.csd({ rfc: sup.rfc, name: "PAPELERIA INDUSTRIAL DEL BAJIO" })
    const c = buildInvoice({
      serie: "F",
      folio: String(++folio),
      // after the test CA's own start (it is created when this file loads)
      fecha: mexicoDateTime(new Date(Date.now() - 30000)),
      forma_pago: over.ppd ? "99" : "03",
      metodo_pago: over.ppd ? "PPD" : "PUE",
      lugar_expedicion: "37000",
      emisor: { rfc: sup.rfc, nombre: "PAPELERIA INDUSTRIAL DEL BAJIO", regimen_fiscal: "601" },
      receptor: {
        rfc: over.receptorRfc ?? agency.rfc,
        nombre: "SECRETARIA DE SALUD",
        domicilio_fiscal: "06600",
        regimen_fiscal: "603",
        uso_cfdi: "G01",
      },
      conceptos: lines.map((l) => ({
        clave_prod_serv: "44121704",
        no_identificacion: "AM-001",
        cantidad: "1",
        clave_unidad: "XBX",
        descripcion: "Bolígrafo tinta azul punto mediano",
        valor_unitario: "49.90",
        ...l,
      })),
    })
    const res = await request(satUrl).post("/api/v1/pac/timbrar").set("Content-Type", "text/xml").send(sealCfdi(c, csd))
    expect(res.status).toBe(201)
    return { uuid: res.body.uuid as string, xml: res.body.xml as string }
  }
  const submit = (orderId: string, xml: string, token = supplier()) => send("post", "/supplier/invoices", token, { order_id: orderId, xml })

  it("accepts the CFDI of the received part: stored with its due date, visible to the supplier, the units counted as invoiced", async () => {
    const o = await receivedOrder(6)
    const before = await ledger.head()
    const { uuid, xml } = await stamped([{ cantidad: "6" }])
    const res = await submit(o.order_id, xml)
    expect(res.status).toBe(201)
    // 6 × 49.90 = 299.40 + IVA 47.90 = 347.30
    // accepted, then matched at once: a payment request awaits authorisation
    expect(res.body.invoice).toEqual(
      expect.objectContaining({
        uuid,
        status: "payment_requested",
        subtotal: "299.40",
        iva: "47.90",
        total: "347.30",
        order_id: o.order_id,
      }),
    )
    expect(res.body.invoice.due_date).toBe(new Date(Date.now() - 6 * 3600000 + 20 * 86400000).toISOString().slice(0, 10))
    expect(res.body.invoice.lines).toEqual([expect.objectContaining({ contract_line: 1, quantity: 6 })])
    const list = await send("get", "/supplier/invoices", supplier())
    expect(list.body.invoices.map((i: { uuid: string; status: string }) => [i.uuid, i.status])).toEqual([[uuid, "payment_requested"]])
    // ?fields= narrows each invoice, its payment included; the XML is not a list field (400)
    const narrow = await send("get", "/supplier/invoices?fields=uuid,total,payment", supplier())
    expect(narrow.body.invoices).toEqual([{ uuid, total: "347.30", payment: expect.objectContaining({ status: expect.any(String) }) }])
    const xmlField = await send("get", "/supplier/invoices?fields=uuid,xml", supplier())
    expect([xmlField.status, xmlField.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    const one = await send("get", `/supplier/invoices/${res.body.invoice.id}`, supplier())
    expect(one.body.invoice.xml).toBe(xml)
    const { rows } = await pg().raw("select accepted_quantity, invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])
    expect(rows).toEqual([{ accepted_quantity: 6, invoiced_quantity: 6 }])
    expect((await ledger.since(before, "invoice.")).map((e) => e.action)).toEqual(["invoice.accepted", "invoice.matched"])

    // the same CFDI again: refused, naming the rule; nothing else invoiced
    const again = await submit(o.order_id, xml)
    expect(again.status).toBe(422)
    expect(again.body.failures.map((f: { rule: string }) => f.rule)).toContain("CFDI_UUID_DUPLICADO")
  })

  it("refuses a CFDI for more than was received, with every failure named; nothing is stored", async () => {
    const o = await receivedOrder(4, 6)
    const { xml } = await stamped([{ cantidad: "6" }], { receptorRfc: makeRfc("SEP", "210905", "AB") })
    const res = await submit(o.order_id, xml)
    expect(res.status).toBe(422)
    expect(res.body.code).toBe("CFDI_INVALIDO")
    const rules = res.body.failures.map((f: { rule: string; field: string; message: string }) => [f.rule, f.field])
    expect(rules).toEqual(
      expect.arrayContaining([
        ["CFDI_RECEPTOR_RFC", "/cfdi:Comprobante/cfdi:Receptor/@Rfc"],
        ["CFDI_CONCEPTO_CANTIDAD", "/cfdi:Comprobante/cfdi:Conceptos/cfdi:Concepto/@Cantidad"],
        ["CFDI_TOTAL_ADEUDADO", "/cfdi:Comprobante/@Total"],
      ]),
    )
    expect(res.body.failures.every((f: { message: string }) => f.message.length > 20)).toBe(true)
    expect(Number((await pg().raw("select count(*)::int as n from einv_invoice")).rows[0].n)).toBe(0)
    expect((await pg().raw("select invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])).rows).toEqual([
      { invoiced_quantity: 0 },
    ])
  })

  it("a UUID accepted by another agency is refused; a concurrent twin loses to the unique index", async () => {
    const o = await receivedOrder(6)
    const { uuid, xml } = await stamped([{ cantidad: "6" }])
    // another agency accepted this UUID before (same supplier, another order)
    await pg().raw(
      `insert into einv_invoice (id, uuid, order_id, specific_contract_id, supplier_id, agency_id, metodo_pago, subtotal, iva, total, xml, summary, lines, accepted_at, due_date, submitted_by_person_id)
       values ('inv_otra', ?, 'order_otra', 'spc_otra', ?, ?, 'PUE', '299.40', '47.90', '347.30', '<x/>', '{}', '[]', now(), '2027-01-01', 'per_x')`,
      [uuid.toLowerCase(), world().orgs.supplier, world().orgs.agencyB],
    )
    const res = await submit(o.order_id, xml)
    expect(res.status).toBe(422)
    expect(res.body.failures.map((f: { rule: string }) => f.rule)).toEqual(["CFDI_UUID_DUPLICADO"])
    await pg().raw("delete from einv_invoice where id = 'inv_otra'")
    // two submissions of one CFDI at once: exactly one is accepted
    const [a, b] = await Promise.all([submit(o.order_id, xml), submit(o.order_id, xml)])
    expect([a.status, b.status].sort()).toEqual([201, expect.any(Number)])
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1)
    expect(Number((await pg().raw("select count(*)::int as n from einv_invoice")).rows[0].n)).toBe(1)
    expect((await pg().raw("select invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])).rows).toEqual([
      { invoiced_quantity: 6 },
    ])
  })

  it("answers 503 (retry) when SAT does not answer, and stores nothing", async () => {
    const o = await receivedOrder(6)
    const { xml } = await stamped([{ cantidad: "6" }])
    sim.faults.rate500 = 1
    const res = await submit(o.order_id, xml)
    expect(res.status).toBe(503)
    expect(res.body.code).toBe("SAT_NO_DISPONIBLE")
    expect(res.body.failures.map((f: { rule: string }) => f.rule)).toEqual(["CFDI_SAT_NO_DISPONIBLE"])
    expect(Number((await pg().raw("select count(*)::int as n from einv_invoice")).rows[0].n)).toBe(0)
    sim.faults.rate500 = 0
    expect((await submit(o.order_id, xml)).status).toBe(201)
  })

  it("denies other roles and other suppliers", async () => {
    const o = await receivedOrder(6)
    const { xml } = await stamped([{ cantidad: "6" }])
    expect((await submit(o.order_id, xml, world().actors.requiring_unit.token)).status).toBe(403)
    const email = "facturas.ofimex@prueba.com.mx"
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.supplier2,
        full_name: "Facturación Ofimex",
        email,
        rfc: makeRfc("FAOF", "800101", "AB"),
        password: PASSWORD,
        roles: [{ role: "supplier_user", unit_id: null }],
      },
    })
    const other = await login(baseUrl(), "supplier", email)
    expect((await submit(o.order_id, xml, other)).body.code).toBe("PEDIDO_NO_EXISTE")
    const ok = await submit(o.order_id, xml)
    expect(ok.status).toBe(201)
    expect((await send("get", `/supplier/invoices/${ok.body.invoice.id}`, other)).body.code).toBe("FACTURA_NO_EXISTE")
    expect((await send("get", "/supplier/invoices", other)).body.invoices).toEqual([])
  })

  const BANAMEX = "002010077777777771"
  /** The supplier's CLABE, registered with its representative's e.firma. */
  async function registerClabe() {
    const actor = world().actors.supplier_user
    const cred = await fx.efirmaOf(actor)
    const prepared = await send("get", `/supplier/bank-accounts/signing-payload?clabe=${BANAMEX}`, actor.token)
    const res = await send("post", "/supplier/bank-accounts", actor.token, {
      clabe: BANAMEX,
      ...signWithKeyOf(cred, cred, prepared.body.payload),
    })
    expect(res.status).toBe(201)
  }
  const stages = async (keyId: string) => {
    const { rows } = await pg().raw(
      "select reservado::text as r, comprometido::text as c, devengado::text as d, ejercido::text as e, pagado::text as p from budget_key where id = ?",
      [keyId],
    )
    const n = (v: unknown) => Number(v).toFixed(2)
    return { comprometido: n(rows[0].c), devengado: n(rows[0].d), ejercido: n(rows[0].e), pagado: n(rows[0].p) }
  }

  it("end to end: signed contract → shipment → partial reception → CFDI → match → payment request → CLC → SPEI paid; the key's stages balance to the centavo", async () => {
    await registerClabe()
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    // 10 × 49.90 = 499.00 + 79.84
    expect(o.total).toBe("578.84")
    expect(await stages(o.budget_key_id)).toEqual({ comprometido: "578.84", devengado: "0.00", ejercido: "0.00", pagado: "0.00" })
    const before = await ledger.head()

    // 7 shipped, 6 accepted, 1 rejected
    const s = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
      delivery_note: "REM-9",
      lines: [{ contract_line: 1, quantity: 7 }],
    })
    const r = await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: 6, rejected_quantity: 1, notes: "Una caja dañada" }],
    })
    expect(r.body.reception.outcome).toBe("partial")

    // the CFDI of the received part: 6 × 49.90 = 299.40 + 47.90 = 347.30 → devengado at match
    const { uuid, xml } = await stamped([{ cantidad: "6" }])
    const inv = await submit(o.order_id, xml)
    expect(inv.status).toBe(201)
    expect(inv.body.invoice.status).toBe("payment_requested")
    expect(await stages(o.budget_key_id)).toEqual({ comprometido: "231.54", devengado: "347.30", ejercido: "0.00", pagado: "0.00" })

    // the Payment Request Typist's queue
    const typist = world().actors.payment_typist.token
    const queue = await send("get", "/store/payment-requests?status=pending_authorization", typist)
    expect(queue.status).toBe(200)
    const [pr] = queue.body.payment_requests
    expect(pr).toEqual(
      expect.objectContaining({
        invoice_id: inv.body.invoice.id,
        amount: "347.30",
        due_date: inv.body.invoice.due_date,
        status: "pending_authorization",
      }),
    )

    // only the budget area of this agency authorises; SAT is asked again; the CLC carries RFC and CLABE
    expect((await send("post", `/store/payment-requests/${pr.id}/authorize`, typist, {})).status).toBe(403)
    expect((await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.reception_manager.token, {})).status).toBe(403)
    const sepEmail = "presupuesto.sep@prueba.gob.mx"
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Presupuesto SEP",
        email: sepEmail,
        rfc: makeRfc("PRSE", "800101", "AB"),
        password: PASSWORD,
        roles: [{ role: "budget", unit_id: world().units["SEP-PRES"] }],
      },
    })
    const sepBudget = await login(baseUrl(), "customer", sepEmail)
    expect((await send("post", `/store/payment-requests/${pr.id}/authorize`, sepBudget, {})).body.code).toBe("SOLICITUD_PAGO_NO_EXISTE")
    const budgetArea = world().actors.budget.token
    const authorized = await send("post", `/store/payment-requests/${pr.id}/authorize`, budgetArea, {})
    expect(authorized.status).toBe(200)
    expect(authorized.body.payment_request).toEqual(
      expect.objectContaining({ status: "exercised", beneficiary_clabe: BANAMEX, beneficiary_rfc: expect.stringMatching(/^PIB/) }),
    )
    expect(await stages(o.budget_key_id)).toEqual({ comprometido: "231.54", devengado: "0.00", ejercido: "347.30", pagado: "0.00" })
    // no second CLC
    expect((await send("post", `/store/payment-requests/${pr.id}/authorize`, budgetArea, {})).body.code).toBe("ESTADO_CAMBIO")

    // SPEI confirmation with its clave de rastreo → pagado, on time
    expect(
      (await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, budgetArea, { clave_rastreo: "BNM2026120700001" })).status,
    ).toBe(403)
    const paid = await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, { clave_rastreo: "BNM2026120700001" })
    expect(paid.status).toBe(200)
    expect(paid.body.payment_request).toEqual(
      expect.objectContaining({ status: "paid", clave_rastreo: "BNM2026120700001", paid_late: false }),
    )
    expect(
      (await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, { clave_rastreo: "BNM2026120700001" })).body.code,
    ).toBe("ESTADO_CAMBIO")
    expect(await stages(o.budget_key_id)).toEqual({ comprometido: "231.54", devengado: "0.00", ejercido: "0.00", pagado: "347.30" })

    // the ledger: commit, then accrue → exercise → pay of 347.30 each drawn from the one before; balanced
    const { rows: moves } = await pg().raw(
      "select type, amount::text as amount, reference_type from budget_movement where budget_key_id = ? and type in ('accrue','exercise','pay') order by created_at",
      [o.budget_key_id],
    )
    expect(moves.map((m) => [m.type, Number(m.amount).toFixed(2), m.reference_type])).toEqual([
      ["accrue", "347.30", "invoice"],
      ["exercise", "347.30", "clc"],
      ["pay", "347.30", "payment"],
    ])
    const budget = container().resolve("budget") as { reconcile: (id: string) => Promise<{ balanced?: boolean }> }
    expect(await budget.reconcile(o.budget_key_id)).toEqual(expect.objectContaining({ balanced: true }))

    // the supplier sees it paid
    const mine = await send("get", `/supplier/invoices/${inv.body.invoice.id}`, supplier())
    expect(mine.body.invoice).toEqual(expect.objectContaining({ uuid, status: "paid" }))
    expect(mine.body.invoice.payment).toEqual(
      expect.objectContaining({ status: "paid", clave_rastreo: "BNM2026120700001", paid_late: false }),
    )
    expect((await ledger.since(before)).map((e) => e.action).filter((a) => !/^(budget_key|person)\./.test(a))).toEqual([
      "shipment.recorded",
      "reception.recorded",
      "invoice.accepted",
      "invoice.matched",
      "payment_request.exercised",
      "payment_request.paid",
    ])

    // the rest of the order later: 4 more (3 never shipped + the rejected one), received and invoiced
    const s2 = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
      delivery_note: "REM-10",
      lines: [{ contract_line: 1, quantity: 4 }],
    })
    expect(s2.status).toBe(201)
    await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s2.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: 4, rejected_quantity: 0 }],
    })
    const inv2 = await submit(o.order_id, (await stamped([{ cantidad: "4" }])).xml)
    expect(inv2.status).toBe(201)
    // 4 × 49.90 = 199.60 + 31.94 = 231.54: the commitment is fully accrued
    expect(inv2.body.invoice.total).toBe("231.54")
    expect(await stages(o.budget_key_id)).toEqual({ comprometido: "0.00", devengado: "231.54", ejercido: "0.00", pagado: "347.30" })
  })

  it("a payment is refused when SAT no longer reports the CFDI Vigente, or the supplier has no CLABE", async () => {
    const o = await receivedOrder(6)
    const { uuid, xml } = await stamped([{ cantidad: "6" }])
    expect((await submit(o.order_id, xml)).status).toBe(201)
    const [pr] = (await send("get", "/store/payment-requests", world().actors.payment_typist.token)).body.payment_requests
    const budgetArea = world().actors.budget.token
    expect((await send("post", `/store/payment-requests/${pr.id}/authorize`, budgetArea, {})).body.code).toBe(
      "PROVEEDOR_SIN_CUENTA_BANCARIA",
    )
    await registerClabe()
    await request(satUrl).post(`/api/v1/cfdi/${uuid}/cancelar`).expect(200)
    const refused = await send("post", `/store/payment-requests/${pr.id}/authorize`, budgetArea, {})
    expect([refused.status, refused.body.code]).toEqual([409, "CFDI_NO_VIGENTE"])
    expect((await send("get", `/store/payment-requests/${pr.id}`, world().actors.payment_typist.token)).body.payment_request.status).toBe(
      "pending_authorization",
    )
    expect(await stages(o.budget_key_id)).toEqual(expect.objectContaining({ devengado: "347.30", ejercido: "0.00" }))
  })

  it("the pena convencional of a late delivery is withheld from the payment: the CLC pays the net and carries the deduction; the budget moves the gross", async () => {
    await registerClabe()
    // a SICOP/SIAFF key: the CLC is issued by the simulator
    const key = await makeKey(container(), world().orgs.agencyA, { provider: "sicop_siaff", aprobado: "100000.00", ramo: "12" })
    await request(siaffUrl).post("/api/v1/claves").send({ clave: key.clave, modificado: "100000.00" }).expect(200)
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(1), budgetKey: key })
    const s = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
      delivery_note: "REM-P",
      lines: [{ contract_line: 1, quantity: 6 }],
    })
    // received 3 days late: 6 × 49.90 = 299.40 × 1 % × 3 = 8.982 → 8.98
    const clock = container().resolve("e_invoice") as unknown as Clocked
    await clock.useClock(() => new Date(Date.parse(`${day(4)}T18:00:00Z`)))
    const r = await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: 6, rejected_quantity: 0 }],
    })
    await clock.useClock(null)
    expect(r.body.reception).toEqual(expect.objectContaining({ days_late: 3, penalty_amount: "8.98" }))

    const inv = await submit(o.order_id, (await stamped([{ cantidad: "6" }])).xml)
    expect(inv.status).toBe(201)
    // the invoice's total is owed (accrued), 8.98 is withheld: 347.30 − 8.98 = 338.32 reaches the supplier
    const typist = world().actors.payment_typist.token
    const [pr] = (await send("get", "/store/payment-requests", typist)).body.payment_requests
    expect(pr).toEqual(
      expect.objectContaining({
        amount: "347.30",
        penalty_deduction: "8.98",
        net_amount: "338.32",
        deductions: [{ reception_id: r.body.reception.id, amount: "8.98" }],
      }),
    )
    expect((await pg().raw("select penalty_deducted from einv_reception where id = ?", [r.body.reception.id])).rows).toEqual([
      { penalty_deducted: "8.98" },
    ])

    // the penalty is withheld against the supplier's nota de crédito (CFDI de egreso related to the invoice):
    // no authorisation before it arrives
    expect(pr.credit_note_status).toBe("pending")
    const early = await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.budget.token, {})
    expect([early.status, early.body.code]).toEqual([409, "NOTA_CREDITO_PENDIENTE"])
    expect(
      (await send("get", "/store/payment-requests?credit_note=pending", typist)).body.payment_requests.map((p: { id: string }) => p.id),
    ).toEqual([pr.id])
    const invoiceUuid = inv.body.invoice.uuid as string
    const note = creditNote
    const presentNote = (xml: string, token = supplier()) =>
      send("post", `/supplier/invoices/${inv.body.invoice.id}/credit-note`, token, { xml })
    const refusedWith = async (xml: string) => {
      const res = await presentNote(xml)
      expect([res.status, res.body.code]).toEqual([422, "CFDI_INVALIDO"])
      return res.body.failures.map((f: { rule: string; field: string }) => [f.rule, f.field])
    }
    // wrong amount, wrong relation, wrong type: each refused naming the field and the rule
    expect(await refusedWith(await note({ uuid: invoiceUuid, amount: "9.00" }))).toEqual([
      ["NOTA_CREDITO_IMPORTE", "/cfdi:Comprobante/@Total"],
    ])
    expect(await refusedWith(await note({ uuid: invoiceUuid, amount: "8.98", tipo_relacion: "07" }))).toEqual([
      ["NOTA_CREDITO_RELACION", "/cfdi:Comprobante/cfdi:CfdiRelacionados/@TipoRelacion"],
    ])
    expect(await refusedWith(await note({ uuid: randomUUID().toUpperCase(), amount: "8.98" }))).toEqual([
      ["NOTA_CREDITO_DOCUMENTO_RELACIONADO", "/cfdi:Comprobante/cfdi:CfdiRelacionados/cfdi:CfdiRelacionado/@UUID"],
    ])
    expect(await refusedWith(await note({ uuid: invoiceUuid, amount: "8.98", tipo: "I" }))).toEqual([
      ["CFDI_TIPO_COMPROBANTE", "/cfdi:Comprobante/@TipoDeComprobante"],
    ])
    // another role may not present it
    expect((await presentNote(await note({ uuid: invoiceUuid, amount: "8.98" }), world().actors.requiring_unit.token)).status).toBe(403)
    const noteXml = await note({ uuid: invoiceUuid, amount: "8.98" })
    const beforeNote = await ledger.head()
    const accepted = await presentNote(noteXml)
    expect(accepted.status).toBe(201)
    expect(accepted.body.credit_note).toEqual(expect.objectContaining({ amount: "8.98", payment_request_id: pr.id }))
    expect(accepted.body.invoice.payment.credit_note_status).toBe("received")
    expect((await presentNote(noteXml)).body.code).toBe("NOTA_CREDITO_YA_RECIBIDA")
    expect((await ledger.since(beforeNote, "credit_note.")).map((e) => e.action)).toEqual(["credit_note.accepted"])

    const authorized = await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.budget.token, {})
    expect(authorized.status).toBe(200)
    const folio = authorized.body.payment_request.clc_folio as string
    expect(folio).toMatch(/^CLC/)
    // the CLC in SIAFF: gross 347.30, net 338.32 to the supplier's CLABE, 8.98 withheld as pena convencional
    const clc = (await request(siaffUrl).get(`/api/v1/clc/${folio}`).expect(200)).body.clc
    expect(clc).toEqual(
      expect.objectContaining({
        importe: "347.30",
        importe_neto: "338.32",
        deducciones: [{ tipo: "pena_convencional", importe: "8.98", referencia: `reception:${r.body.reception.id}` }],
        beneficiario: { rfc: expect.stringMatching(/^PIB/), clabe: BANAMEX },
      }),
    )
    // SPEI confirmed from SIAFF's payment status; the key's stages move the gross, once
    const paid = await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, {})
    expect(paid.status).toBe(200)
    expect(paid.body.payment_request.clave_rastreo).toMatch(/^TESOFE/)
    expect(await stages(key.id)).toEqual(expect.objectContaining({ devengado: "0.00", ejercido: "0.00", pagado: "347.30" }))
    expect((await request(siaffUrl).get(`/api/v1/claves/${key.clave}`)).body.clave).toEqual(expect.objectContaining({ pagado: "347.30" }))
    const mine = await send("get", `/supplier/invoices/${inv.body.invoice.id}`, supplier())
    expect(mine.body.invoice.payment).toEqual(
      expect.objectContaining({ status: "paid", amount: "347.30", penalty_deduction: "8.98", net_amount: "338.32" }),
    )

    // the next invoice of the order does not withhold the same penalty again
    const s2 = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
      delivery_note: "REM-P2",
      lines: [{ contract_line: 1, quantity: 4 }],
    })
    await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s2.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: 4, rejected_quantity: 0 }],
    })
    const inv2 = await submit(o.order_id, (await stamped([{ cantidad: "4" }])).xml)
    const second = (await send("get", "/store/payment-requests?status=pending_authorization", typist)).body.payment_requests.find(
      (p: { invoice_id: string }) => p.invoice_id === inv2.body.invoice.id,
    )
    expect(second).toEqual(expect.objectContaining({ amount: "231.54", penalty_deduction: "0.00", net_amount: "231.54", deductions: [] }))
    // nothing withheld: no credit note owed
    expect(second.credit_note_status).toBeNull()
    const none = await send("post", `/supplier/invoices/${inv2.body.invoice.id}/credit-note`, supplier(), {
      xml: await creditNote({ uuid: inv2.body.invoice.uuid, amount: "8.98" }),
    })
    expect([none.status, none.body.code]).toEqual([409, "SIN_PENA_RETENIDA"])
  })

  it("a paid PPD invoice owes its complemento de pago (Pagos 2.0): flagged missing after the fifth of next month, accepted once when it relates the invoice and the amount paid", async () => {
    await registerClabe()
    // the Purchasing Unit chooses payment in deferred installments (PPD) when it generates the contract; the
    // choice is validated (role, zod) and stored on the contract, and its document says it
    const purchasing = world().actors.purchasing_unit.token
    const o = await receivedOrder(6, 6, {
      paymentPlan: "parcialidades_o_diferido",
      beforeGeneration: async (requisitionId) => {
        const path = `/store/requisitions/${requisitionId}/contracts`
        const unknownPlan = await send("post", path, purchasing, { payment_plan: "PPD" })
        expect([unknownPlan.status, unknownPlan.body.code]).toEqual([400, "DATOS_INVALIDOS"])
        expect(unknownPlan.body.message).toContain("payment_plan")
        // a requiring-unit user may not generate contracts, whatever the plan
        const requester = await send("post", path, world().actors.requiring_unit.token, { payment_plan: "parcialidades_o_diferido" })
        expect(requester.status).toBe(403)
      },
    })
    const contract = await send("get", `/store/specific-contracts/${o.contract_id}`, purchasing)
    expect(contract.body.specific_contract.data.payment_plan).toBe("parcialidades_o_diferido")
    const html = await send("get", `/store/specific-contracts/${o.contract_id}/html`, purchasing)
    expect(html.text).toContain("en parcialidades o en forma diferida (método de pago PPD)")
    const { uuid, xml } = await stamped([{ cantidad: "6" }], { ppd: true })
    const inv = await submit(o.order_id, xml)
    expect([inv.status, inv.body.invoice?.metodo_pago]).toEqual([201, "PPD"])
    const typist = world().actors.payment_typist.token
    const [pr] = (await send("get", "/store/payment-requests", typist)).body.payment_requests
    // no complement before the payment
    const orgs = container().resolve("organization") as { retrieveOrganization: (id: string) => Promise<{ rfc: string }> }
    const sup = await orgs.retrieveOrganization(world().orgs.supplier)
    const agency = await orgs.retrieveOrganization(world().orgs.agencyA)
    const csd = cfdiPki.csd({ rfc: sup.rfc, name: "PAPELERIA INDUSTRIAL DEL BAJIO" })
    const complement = async (documento: { uuid: string; pagado: string }) => {
      const c = buildPaymentComplement({
        serie: "P",
        folio: String(++folio),
        fecha: mexicoDateTime(new Date(Date.now() - 30000)),
        lugar_expedicion: "37000",
        emisor: { rfc: sup.rfc, nombre: "PAPELERIA INDUSTRIAL DEL BAJIO", regimen_fiscal: "601" },
        receptor: { rfc: agency.rfc, nombre: "SECRETARIA DE SALUD", domicilio_fiscal: "06600", regimen_fiscal: "603" },
        fecha_pago: `${mexicoDateTime(new Date()).slice(0, 10)}T12:00:00`,
        documento: { ...documento, saldo_anterior: "347.30" },
      })
      const res = await request(satUrl).post("/api/v1/pac/timbrar").set("Content-Type", "text/xml").send(sealCfdi(c, csd))
      expect(res.status).toBe(201)
      return res.body.xml as string
    }
    const upload = (body: string, token = supplier()) =>
      send("post", `/supplier/invoices/${inv.body.invoice.id}/payment-complement`, token, { xml: body })
    const good = await complement({ uuid, pagado: "347.30" })
    expect((await upload(good)).body.code).toBe("PAGO_NO_REALIZADO")

    await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.budget.token, {})
    const paid = await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, { clave_rastreo: "BNM2026120700002" })
    expect(paid.body.payment_request.complement_status).toBe("pending")
    // due by the fifth day of the month after the payment (Mexico City)
    const [y, m] = new Date(Date.now() - 6 * 3600000).toISOString().slice(0, 7).split("-").map(Number)
    const due = m === 12 ? `${y + 1}-01-05` : `${y}-${String(m + 1).padStart(2, "0")}-05`
    expect(paid.body.payment_request.complement_due_date).toBe(due)
    const overdue = () => send("get", "/store/payment-requests?complement=overdue", typist)
    expect((await overdue()).body.payment_requests).toEqual([])
    // on the sixth it is flagged: in the overdue queue and on the supplier's invoice
    const clock = container().resolve("e_invoice") as unknown as Clocked
    await clock.useClock(() => new Date(`${due}T12:00:00-06:00`))
    expect((await overdue()).body.payment_requests).toEqual([])
    await clock.useClock(() => new Date(Date.parse(`${due}T12:00:00-06:00`) + 86400000))
    expect(
      (await overdue()).body.payment_requests.map((p: { id: string; complement_overdue: boolean }) => [p.id, p.complement_overdue]),
    ).toEqual([[pr.id, true]])
    await clock.useClock(null)

    // judged by the engine and against the payment, every failure named
    const wrong = await upload(await complement({ uuid: randomUUID().toUpperCase(), pagado: "300.00" }))
    expect(wrong.status).toBe(422)
    expect(wrong.body.failures.map((f: { rule: string }) => f.rule)).toEqual(["PAGO_DOCUMENTO_RELACIONADO"])
    const short = await upload(await complement({ uuid, pagado: "300.00" }))
    expect(short.body.failures.map((f: { rule: string; field: string }) => [f.rule, f.field])).toEqual([
      ["PAGO_IMPORTE_PAGADO", expect.stringMatching(/pago20:DoctoRelacionado\/@ImpPagado$/)],
    ])
    expect((await upload(xml)).body.failures.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(["CFDI_TIPO_COMPROBANTE", "CFDI_UUID_DUPLICADO"]),
    )

    const before = await ledger.head()
    const ok = await upload(good)
    expect(ok.status).toBe(201)
    expect(ok.body.payment_complement).toEqual(
      expect.objectContaining({ invoice_id: inv.body.invoice.id, payment_request_id: pr.id, amount_paid: "347.30" }),
    )
    expect(ok.body.invoice.payment).toEqual(expect.objectContaining({ complement_status: "received", complement_overdue: false }))
    expect((await upload(good)).body.code).toBe("COMPLEMENTO_YA_RECIBIDO")
    await clock.useClock(() => new Date(Date.parse(`${due}T12:00:00-06:00`) + 30 * 86400000))
    expect((await overdue()).body.payment_requests).toEqual([])
    await clock.useClock(null)
    expect(
      (await send("get", "/store/payment-requests?complement=received", typist)).body.payment_requests.map((p: { id: string }) => p.id),
    ).toEqual([pr.id])
    expect((await ledger.since(before)).map((e) => e.action).filter((a) => a.startsWith("payment_complement."))).toEqual([
      "payment_complement.accepted",
    ])
  })

  it("30 % faults in SAT and SIAFF during validation and payment: every request ends paid, once; not a centavo twice in our ledger or in SIAFF", async () => {
    await registerClabe()
    const key = await makeKey(container(), world().orgs.agencyA, { provider: "sicop_siaff", aprobado: "100000.00", ramo: "12" })
    await request(siaffUrl).post("/api/v1/claves").send({ clave: key.clave, modificado: "100000.00" }).expect(200)
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5), budgetKey: key })
    // three deliveries of 3 pens, each invoiced when received (149.70 + 23.95 = 173.65); stamped before the faults start
    const cfdis = [await stamped([{ cantidad: "3" }]), await stamped([{ cantidad: "3" }]), await stamped([{ cantidad: "3" }])]
    Object.assign(sim.faults, { rate500: 0.2, rateGarbage: 0.1, seed: 20261207 })
    Object.assign(siaff.faults, { rate500: 0.3, seed: 20261207 })
    const before = { sat: { ...sim.stats }, siaff: { ...siaff.stats } }
    /** A client that retries what the API says may be retried (503, a match deferred, a CLC not yet paid). */
    async function until<T extends { status: number; body: { code?: string } }>(call: () => Promise<T>, done: (r: T) => boolean, max = 12) {
      let r = await call()
      for (let i = 1; i < max && !done(r); i++) {
        r = await call()
      }
      return r
    }
    const typist = world().actors.payment_typist.token
    const budgetArea = world().actors.budget.token
    const paid: string[] = []
    for (const [i, c] of cfdis.entries()) {
      const s = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), {
        delivery_note: `REM-F${i}`,
        lines: [{ contract_line: 1, quantity: 3 }],
      })
      await send("post", "/store/receptions", world().actors.reception_manager.token, {
        shipment_id: s.body.shipment.id,
        lines: [{ contract_line: 1, accepted_quantity: 3, rejected_quantity: 0 }],
      })
      const inv = await until(
        () => submit(o.order_id, c.xml),
        (r) => r.status !== 503,
      )
      expect(inv.status).toBe(201)
      // a match SIAFF did not answer stays accepted: the typist runs it again
      const state = async () => (await send("get", `/supplier/invoices/${inv.body.invoice.id}`, supplier())).body.invoice.status as string
      for (let i = 0; i < 12 && (await state()) === "accepted"; i++) {
        await send("post", `/store/invoices/${inv.body.invoice.id}/match`, typist, {})
      }
      expect(await state()).toBe("payment_requested")
      const pr = (await send("get", "/store/payment-requests?limit=100", typist)).body.payment_requests.find(
        (p: { invoice_id: string }) => p.invoice_id === inv.body.invoice.id,
      )
      const authorized = await until(
        () => send("post", `/store/payment-requests/${pr.id}/authorize`, budgetArea, {}),
        (r) => r.status !== 503,
      )
      expect([authorized.status, authorized.body.code]).toEqual([200, undefined])
      const confirmed = await until(
        () => send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, {}),
        (r) => r.status === 200 || r.status === 409,
      )
      expect(confirmed.body.payment_request).toEqual(
        expect.objectContaining({ status: "paid", clave_rastreo: expect.stringMatching(/^TESOFE/) }),
      )
      paid.push(pr.id)
    }
    Object.assign(sim.faults, { rate500: 0, rateGarbage: 0, seed: null })
    Object.assign(siaff.faults, { rate500: 0, seed: null })
    // the faults did happen, on both sides
    const injected = (now: Record<string, number>, was: Record<string, number>, kinds: string[]) =>
      kinds.reduce((a, k) => a + (now[k] ?? 0) - (was[k] ?? 0), 0)
    expect(injected(sim.stats, before.sat, ["500", "500-after", "garbage"])).toBeGreaterThan(0)
    expect(injected(siaff.stats, before.siaff, ["500", "500-after"])).toBeGreaterThan(0)

    // one CLC per payment request in SIAFF, each paid once; SIAFF, our ledger and the key agree to the centavo
    const clcs: { operacion_key: string; estado: string; importe: string }[] = await siaff.dataSource.query(
      `select operacion_key, estado, importe::text as importe from "${siaffSchema}".clc where clave = $1`,
      [key.clave],
    )
    expect(clcs.map((c) => [c.operacion_key, c.estado, Number(c.importe).toFixed(2)]).sort()).toEqual(
      paid.map((id) => [`payment_request:${id}:ejercido`, "pagada", "173.65"]).sort(),
    )
    expect((await request(siaffUrl).get(`/api/v1/claves/${key.clave}`)).body.clave).toEqual(expect.objectContaining({ pagado: "520.95" }))
    expect(await stages(key.id)).toEqual(expect.objectContaining({ devengado: "0.00", ejercido: "0.00", pagado: "520.95" }))
    const { rows: pays } = await pg().raw(
      "select reference_id, count(*)::int as n from budget_movement where budget_key_id = ? and type = 'pay' group by reference_id",
      [key.id],
    )
    expect(pays.map((p) => [p.reference_id, p.n]).sort()).toEqual(paid.map((id) => [id, 1]).sort())
    const budget = container().resolve("budget") as { reconcile: (id: string) => Promise<{ balanced?: boolean }> }
    expect(await budget.reconcile(key.id)).toEqual(expect.objectContaining({ balanced: true }))
  })

  it("an own-resources agency pays through Medusa's Stripe provider: a PaymentIntent for the net, paid only by a verified webhook", async () => {
    await registerClabe()
    // agency A pays from its own resources (recursos propios) and the key is an own-resources key
    const orgs = container().resolve("organization") as { updateOrganizations: (d: object) => Promise<unknown> }
    await orgs.updateOrganizations({ id: world().orgs.agencyA, own_resources: true })
    const o = await receivedOrder(6)
    const inv = await submit(o.order_id, (await stamped([{ cantidad: "6" }])).xml)
    expect(inv.status).toBe(201)
    const typist = world().actors.payment_typist.token
    const [pr] = (await send("get", "/store/payment-requests", typist)).body.payment_requests
    stripeCalls.length = 0

    const authorized = await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.budget.token, {})
    expect(authorized.status).toBe(200)
    // exercised (ejercido), not paid: the money moves when Stripe says so
    expect(authorized.body.payment_request).toEqual(
      expect.objectContaining({ status: "exercised", payment_channel: "stripe", stripe_payment_intent_id: "pi_prueba_1" }),
    )
    // Medusa's provider asked Stripe for the net in centavos of MXN, tagged with the payment request, idempotently
    const created = stripeCalls.filter((c) => c.path === "/v1/payment_intents")
    expect(created).toHaveLength(1)
    expect([created[0].form.get("amount"), created[0].form.get("currency"), created[0].form.get("metadata[session_id]")]).toEqual([
      "34730",
      "mxn",
      pr.id,
    ])
    expect(created[0].form.get("metadata[cfdi_uuid]")).toBe(inv.body.invoice.uuid)
    expect(created[0].idempotencyKey).toBe(`payment_request:${pr.id}:stripe`)
    expect(await stages(o.budget_key_id)).toEqual(expect.objectContaining({ ejercido: "347.30", pagado: "0.00" }))

    // no confirmation by hand
    const manual = await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, { clave_rastreo: "BNM2026120700009" })
    expect([manual.status, manual.body.code]).toEqual([409, "PAGO_POR_STRIPE"])

    const event = (type: string, id = "pi_prueba_1") =>
      JSON.stringify({
        id: `evt_${type}`,
        object: "event",
        type,
        data: {
          object: { id, object: "payment_intent", amount: 34730, amount_received: 34730, currency: "mxn", metadata: { session_id: pr.id } },
        },
      })
    const hook = (payload: string, signature: string) =>
      request(baseUrl())
        .post("/hooks/e-invoicing/stripe")
        .set("content-type", "application/json")
        .set("stripe-signature", signature)
        .send(payload)
    const stripe = new Stripe("sk_test_tienda_prueba")
    const sign = (payload: string, secret = STRIPE_WEBHOOK_SECRET) => stripe.webhooks.generateTestHeaderString({ payload, secret })

    // a forged webhook (wrong secret, or a body changed after signing) changes nothing
    const forged = await hook(event("payment_intent.succeeded"), sign(event("payment_intent.succeeded"), "whsec_otro"))
    expect([forged.status, forged.body.code]).toEqual([400, "FIRMA_STRIPE_INVALIDA"])
    const tampered = await hook(event("payment_intent.succeeded", "pi_prueba_1"), sign(event("payment_intent.succeeded", "pi_otro")))
    expect(tampered.status).toBe(400)
    // a verified event that is not a success is acknowledged and changes nothing
    const pending = event("payment_intent.processing")
    expect((await hook(pending, sign(pending))).status).toBe(200)
    expect((await send("get", `/store/payment-requests/${pr.id}`, typist)).body.payment_request.status).toBe("exercised")

    // Stripe's signed payment_intent.succeeded → pagado, with the PaymentIntent as the payment's reference; a replay changes nothing
    const succeeded = event("payment_intent.succeeded")
    const paid = await hook(succeeded, sign(succeeded))
    expect([paid.status, paid.body.action]).toEqual([200, "paid"])
    expect((await hook(succeeded, sign(succeeded))).body.action).toBe("already_paid")
    const after = (await send("get", `/store/payment-requests/${pr.id}`, typist)).body.payment_request
    expect(after).toEqual(expect.objectContaining({ status: "paid", clave_rastreo: "pi_prueba_1" }))
    expect(await stages(o.budget_key_id)).toEqual(expect.objectContaining({ ejercido: "0.00", pagado: "347.30" }))
    const mine = await send("get", `/supplier/invoices/${inv.body.invoice.id}`, supplier())
    expect(mine.body.invoice.status).toBe("paid")
  })

  it("without the own-resources flag nothing changes: SPEI, confirmed by hand, no call to Stripe", async () => {
    await registerClabe()
    const o = await receivedOrder(6)
    expect((await submit(o.order_id, (await stamped([{ cantidad: "6" }])).xml)).status).toBe(201)
    const typist = world().actors.payment_typist.token
    const [pr] = (await send("get", "/store/payment-requests", typist)).body.payment_requests
    stripeCalls.length = 0
    const authorized = await send("post", `/store/payment-requests/${pr.id}/authorize`, world().actors.budget.token, {})
    expect(authorized.body.payment_request).toEqual(
      expect.objectContaining({ status: "exercised", payment_channel: "spei", stripe_payment_intent_id: null }),
    )
    expect(stripeCalls).toEqual([])
    const paid = await send("post", `/store/payment-requests/${pr.id}/confirm-payment`, typist, { clave_rastreo: "BNM2026120700010" })
    expect(paid.body.payment_request.status).toBe("paid")
  })

  it("a mismatch goes to the exception queue with its reason, and no money moves", async () => {
    const o = await receivedOrder(6)
    // the contract's commitment shrank meanwhile (e.g. partly released): the match cannot accrue
    const {
      rows: [commit],
    } = await pg().raw("select id from budget_movement where idempotency_key = ?", [`specific_contract:${o.contract_id}:compromiso`])
    const { releaseBudgetWorkflow } = await import("@tienda/budget/workflows")
    await releaseBudgetWorkflow(container()).run({
      input: {
        budget_key_id: o.budget_key_id,
        organization_id: world().orgs.agencyA,
        amount: "300.00",
        parent_id: commit.id as string,
        reference_type: "contract",
        reference_id: o.contract_id,
        idempotency_key: "test:release-300",
      },
    })
    const inv = await submit(o.order_id, (await stamped([{ cantidad: "6" }])).xml)
    expect(inv.status).toBe(201)
    expect(inv.body.invoice.status).toBe("exception")
    const queue = await send("get", "/store/invoices?status=exception", world().actors.payment_typist.token)
    expect(queue.body.invoices.map((i: { id: string; exception_reason: string }) => i.id)).toEqual([inv.body.invoice.id])
    expect(queue.body.invoices[0].exception_reason).toContain("no alcanza para devengar 347.30")
    expect(queue.body.invoices[0].match.reasons.map((r: { code: string }) => r.code)).toEqual(["COMPROMISO_INSUFICIENTE"])
    expect((await send("get", "/store/payment-requests", world().actors.payment_typist.token)).body.payment_requests).toEqual([])
    expect(await stages(o.budget_key_id)).toEqual(expect.objectContaining({ devengado: "0.00" }))
    expect((await send("get", "/store/invoices?status=exception", world().otherAgencyActor.token)).status).toBe(403)
  })
})
