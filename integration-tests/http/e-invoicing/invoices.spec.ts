import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { caKeyPem, writeTestCaDirectory, type TestCaDirectory } from "@tienda/contracts/efirma"
import { buildInvoice, sealCfdi, type InvoiceLineDraft } from "@tienda/e-invoicing/cfdi"
import { createCfdiTestPki, mexicoDateTime } from "@tienda/e-invoicing/cfdi/testing"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { createSatSimulator } from "../../../simulators/sat/src/app"
import { makeRfc } from "../../../seed/src/rfc"
import { auditLedger } from "../../utils/audit"
import { freePort } from "../../utils/ports"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { contractOrderFixtures } from "./contract-order"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE: it issues the
// e.firmas that sign the contract, the supplier's CSD and the SAT simulator's PAC certificate.
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "einv-inv-")))
process.env.EFIRMA_CA_BUNDLE = pki.bundle
const cfdiPki = createCfdiTestPki(pki.ca)
const schema = `sat_inv_${process.pid}`
let sim: Awaited<ReturnType<typeof createSatSimulator>>
let satUrl = ""

// Before the app boots (medusa-config reads SAT_URL into the plugin options once).
beforeAll(async () => {
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
})
afterAll(async () => {
  await sim?.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await sim?.close()
  rmSync(pki.dir, { recursive: true, force: true })
})

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
  beforeEach(() => Object.assign(sim.faults, { rate500: 0, rateTimeout: 0, rateGarbage: 0, rateNotFound: 0, latencyMs: 0, seed: null }))

  /** An order with `received` pens accepted by the agency's Reception Manager. */
  async function receivedOrder(received: number, shipped = received) {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    const s = await send("post", `/supplier/orders/${o.order_id}/shipments`, supplier(), { delivery_note: "REM-1", lines: [{ contract_line: 1, quantity: shipped }] })
    expect(s.status).toBe(201)
    const r = await send("post", "/store/receptions", world().actors.reception_manager.token, {
      shipment_id: s.body.shipment.id,
      lines: [{ contract_line: 1, accepted_quantity: received, rejected_quantity: shipped - received }],
    })
    expect(r.status).toBe(201)
    return o
  }

  let folio = 0
  /** A CFDI from the world's supplier to agency A, sealed with its CSD and stamped by the simulator's PAC. */
  async function stamped(lines: Partial<InvoiceLineDraft>[], over: { receptorRfc?: string } = {}) {
    const orgs = container().resolve("organization") as { retrieveOrganization: (id: string) => Promise<{ rfc: string; legal_name: string }> }
    const sup = await orgs.retrieveOrganization(world().orgs.supplier)
    const agency = await orgs.retrieveOrganization(world().orgs.agencyA)
    const csd = cfdiPki.csd({ rfc: sup.rfc, name: "PAPELERIA INDUSTRIAL DEL BAJIO" })
    const c = buildInvoice({
      serie: "F",
      folio: String(++folio),
      fecha: mexicoDateTime(new Date(Date.now() - 600000)),
      forma_pago: "03",
      metodo_pago: "PUE",
      lugar_expedicion: "37000",
      emisor: { rfc: sup.rfc, nombre: "PAPELERIA INDUSTRIAL DEL BAJIO", regimen_fiscal: "601" },
      receptor: { rfc: over.receptorRfc ?? agency.rfc, nombre: "SECRETARIA DE SALUD", domicilio_fiscal: "06600", regimen_fiscal: "603", uso_cfdi: "G01" },
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
    expect(res.body.invoice).toEqual(expect.objectContaining({ uuid, status: "accepted", subtotal: "299.40", iva: "47.90", total: "347.30", order_id: o.order_id }))
    expect(res.body.invoice.due_date).toBe(new Date(Date.now() - 6 * 3600000 + 20 * 86400000).toISOString().slice(0, 10))
    expect(res.body.invoice.lines).toEqual([expect.objectContaining({ contract_line: 1, quantity: 6 })])
    const list = await send("get", "/supplier/invoices", supplier())
    expect(list.body.invoices.map((i: { uuid: string; status: string }) => [i.uuid, i.status])).toEqual([[uuid, "accepted"]])
    const one = await send("get", `/supplier/invoices/${res.body.invoice.id}`, supplier())
    expect(one.body.invoice.xml).toBe(xml)
    const { rows } = await pg().raw("select accepted_quantity, invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])
    expect(rows).toEqual([{ accepted_quantity: 6, invoiced_quantity: 6 }])
    expect((await ledger.since(before, "invoice.")).map((e) => e.action)).toEqual(["invoice.accepted"])

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
    expect(rules).toEqual(expect.arrayContaining([
      ["CFDI_RECEPTOR_RFC", "/cfdi:Comprobante/cfdi:Receptor/@Rfc"],
      ["CFDI_CONCEPTO_CANTIDAD", "/cfdi:Comprobante/cfdi:Conceptos/cfdi:Concepto[1]/@Cantidad"],
      ["CFDI_TOTAL_ADEUDADO", "/cfdi:Comprobante/@Total"],
    ]))
    expect(res.body.failures.every((f: { message: string }) => f.message.length > 20)).toBe(true)
    expect(Number((await pg().raw("select count(*)::int as n from einv_invoice")).rows[0].n)).toBe(0)
    expect((await pg().raw("select invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])).rows).toEqual([{ invoiced_quantity: 0 }])
  })

  it("a UUID accepted by another agency is refused; a concurrent twin loses to the unique index", async () => {
    const o = await receivedOrder(6)
    const { uuid, xml } = await stamped([{ cantidad: "6" }])
    // another agency accepted this UUID before (same supplier, another order)
    await pg().raw(
      `insert into einv_invoice (id, uuid, order_id, specific_contract_id, supplier_id, agency_id, metodo_pago, subtotal, iva, total, xml, summary, lines, accepted_at, due_date, submitted_by_person_id)
       values ('inv_otra', ?, 'order_otra', 'spc_otra', ?, ?, 'PUE', '299.40', '47.90', '347.30', '<x/>', '{}', '[]', now(), '2027-01-01', 'per_x')`,
      [uuid.toLowerCase(), world().orgs.supplier, world().orgs.agencyB]
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
    expect((await pg().raw("select invoiced_quantity from einv_delivery_tally where order_id = ?", [o.order_id])).rows).toEqual([{ invoiced_quantity: 6 }])
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
      input: { organization_id: world().orgs.supplier2, full_name: "Facturación Ofimex", email, rfc: makeRfc("FAOF", "800101", "AB"), password: PASSWORD, roles: [{ role: "supplier_user", unit_id: null }] },
    })
    const other = await login(baseUrl(), "supplier", email)
    expect((await submit(o.order_id, xml, other)).body.code).toBe("PEDIDO_NO_EXISTE")
    const ok = await submit(o.order_id, xml)
    expect(ok.status).toBe(201)
    expect((await send("get", `/supplier/invoices/${ok.body.invoice.id}`, other)).body.code).toBe("FACTURA_NO_EXISTE")
    expect((await send("get", "/supplier/invoices", other)).body.invoices).toEqual([])
  })
})
