import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { writeTestCaDirectory, type TestCaDirectory } from "@tienda/contracts/efirma"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { makeRfc } from "../../../seed/src/rfc"
import { auditLedger } from "../../utils/audit"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD } from "../../utils/world"
import { createHash } from "node:crypto"
import { barrier } from "../budget/helpers"
import { signWithKeyOf } from "../contracts/efirma-helpers"
import { contractOrderFixtures } from "./contract-order"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification).
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "einv-rcp-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Clocked = { useClock: (c: (() => Date) | null) => Promise<void> }

/**
 * Shipment and reception of a contract's order: the supplier announces what
 * it ships, the agency's Reception Manager accepts or rejects each line; the
 * database keeps every total within the order, also under concurrent
 * requests; late delivery costs the contract's pena convencional.
 */
describeApp("shipments and receptions", ({ world, baseUrl, container }) => {
  const fx = contractOrderFixtures(world, baseUrl, container, () => pki.ca)
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const ledger = auditLedger(container)
  const clock = () => container().resolve("e_invoice") as unknown as Clocked
  const send = (method: "get" | "post", path: string, token: string, body?: object) => {
    const r = request(baseUrl())[method](path).set("authorization", `Bearer ${token}`).set("x-publishable-api-key", world().publishableKey)
    return body ? r.send(body) : r
  }
  const supplier = () => world().actors.supplier_user.token
  const receiver = () => world().actors.reception_manager.token
  const ship = (orderId: string, lines: [number, number][], token = supplier(), note = "REM-0001") =>
    send("post", `/supplier/orders/${orderId}/shipments`, token, {
      delivery_note: note,
      lines: lines.map(([contract_line, quantity]) => ({ contract_line, quantity })),
    })
  const receive = (shipmentId: string, lines: [number, number, number][], token = receiver(), extra: object = {}) =>
    send("post", "/store/receptions", token, {
      shipment_id: shipmentId,
      lines: lines.map(([contract_line, accepted_quantity, rejected_quantity]) => ({
        contract_line,
        accepted_quantity,
        rejected_quantity,
      })),
      ...extra,
    })
  const tally = async (orderId: string) =>
    (
      await pg().raw(
        "select contract_line, ordered_quantity, shipped_quantity, accepted_quantity, rejected_quantity, invoiced_quantity from einv_delivery_tally where order_id = ?",
        [orderId],
      )
    ).rows

  const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10)
  afterEach(() => clock().useClock(null))

  it("the supplier ships part of the order, the Reception Manager accepts some and rejects some; nothing exceeds the order", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    const before = await ledger.head()

    const shipped = await ship(o.order_id, [[1, 6]])
    expect(shipped.status).toBe(201)
    expect(shipped.body.shipment).toEqual(
      expect.objectContaining({ status: "pending_reception", delivery_note: "REM-0001", order_id: o.order_id }),
    )
    expect(shipped.body.shipment.lines.map((l: { contract_line: number; quantity: number }) => [l.contract_line, l.quantity])).toEqual([
      [1, 6],
    ])

    // the agency's Reception Manager sees it pending
    const pending = await send("get", "/store/shipments?status=pending_reception", receiver())
    expect(pending.status).toBe(200)
    expect(pending.body.shipments.map((s: { id: string }) => s.id)).toEqual([shipped.body.shipment.id])

    const received = await receive(shipped.body.shipment.id, [[1, 5, 1]], receiver(), { notes: "Una caja llegó abierta" })
    expect(received.status).toBe(201)
    expect(received.body.reception).toEqual(
      expect.objectContaining({ outcome: "partial", days_late: 0, penalty_amount: "0.00", notes: "Una caja llegó abierta" }),
    )
    expect(received.body.reception.unit_id).toBe(world().units["SSA-ALM"])
    expect(
      received.body.reception.lines.map((l: { accepted_quantity: number; rejected_quantity: number }) => [
        l.accepted_quantity,
        l.rejected_quantity,
      ]),
    ).toEqual([[5, 1]])
    expect((await receive(shipped.body.shipment.id, [[1, 5, 1]])).body.code).toBe("ENVIO_YA_RECIBIDO")
    expect(await tally(o.order_id)).toEqual([
      { contract_line: 1, ordered_quantity: 10, shipped_quantity: 6, accepted_quantity: 5, rejected_quantity: 1, invoiced_quantity: 0 },
    ])

    // the rejected unit may be shipped again: 5 left to deliver, not 4, and not 6
    const tooMany = await ship(o.order_id, [[1, 6]])
    expect([tooMany.status, tooMany.body.code]).toEqual([400, "CANTIDAD_EXCEDE_PEDIDO"])
    expect(tooMany.body.message).toContain("solo quedan 5 por entregar")
    const rest = await ship(o.order_id, [[1, 5]], supplier(), "REM-0002")
    expect(rest.status).toBe(201)
    // a reception that does not add up to the shipment is refused, nothing written
    expect((await receive(rest.body.shipment.id, [[1, 5, 1]])).body.code).toBe("CANTIDAD_EXCEDE_ENVIO")
    expect(
      (
        await receive(rest.body.shipment.id, [[1, 5, 0]], receiver(), {
          lines: [{ contract_line: 1, accepted_quantity: 5, rejected_quantity: 0, serials: ["SN-1", "SN-2"] }],
        })
      ).status,
    ).toBe(201)
    expect((await tally(o.order_id))[0]).toEqual(
      expect.objectContaining({ shipped_quantity: 11, accepted_quantity: 10, rejected_quantity: 1 }),
    )
    expect((await ship(o.order_id, [[1, 1]])).body.code).toBe("CANTIDAD_EXCEDE_PEDIDO")

    // the supplier sees its shipments and how they were received
    const mine = await send("get", `/supplier/orders/${o.order_id}/shipments`, supplier())
    expect(mine.body.shipments.map((s: { reception: { outcome: string } }) => s.reception.outcome)).toEqual(["partial", "full"])
    expect((await ledger.since(before)).filter((e) => /^(shipment|reception)\./.test(e.action)).map((e) => e.action)).toEqual([
      "shipment.recorded",
      "reception.recorded",
      "shipment.recorded",
      "reception.recorded",
    ])
  })

  it("late delivery costs the pena convencional at the contract's rate, per day and on the late goods' value", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(1) })
    const shipped = await ship(o.order_id, [[1, 4]])
    // received 3 days after the due date (Mexico City dates)
    await clock().useClock(() => new Date(Date.parse(`${day(4)}T18:00:00Z`)))
    const received = await receive(shipped.body.shipment.id, [[1, 4, 0]])
    expect(received.status).toBe(201)
    // 4 × 49.90 = 199.60; 1 % per day × 3 days = 5.988 → 5.99
    expect(received.body.reception).toEqual(expect.objectContaining({ outcome: "full", days_late: 3, penalty_amount: "5.99" }))
    expect(received.body.reception.penalty).toEqual(
      expect.objectContaining({ capped: false, terms: { rate_per_day_percent: "1.00", cap_percent: "10.00" } }),
    )

    // payments withhold it through a guarded UPDATE: of 6 concurrent claims of 2.00 on 5.99 exactly 2 pass
    const service = container().resolve("e_invoice") as unknown as { deductPenalty: (id: string, amount: string) => Promise<boolean> }
    const { gate, open } = barrier()
    const claims = Array.from({ length: 6 }, async () => {
      await gate
      return service.deductPenalty(received.body.reception.id, "2.00")
    })
    open()
    expect((await Promise.all(claims)).filter(Boolean)).toHaveLength(2)
    expect((await pg().raw("select penalty_deducted from einv_reception where id = ?", [received.body.reception.id])).rows).toEqual([
      { penalty_deducted: "4.00" },
    ])
    // nothing is ever given back below zero
    expect(await service.deductPenalty(received.body.reception.id, "-4.01")).toBe(false)
  })

  it("the acta de entrega-recepción is rendered from its template, signed once with the Reception Manager's e.firma, and downloadable by both parties", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    const shipped = await ship(o.order_id, [[1, 7]])
    const received = await receive(shipped.body.shipment.id, [[1, 6, 1]], receiver(), { notes: "Una caja dañada" })
    const rid = received.body.reception.id as string
    const got = await send("get", `/store/receptions/${rid}/acta`, receiver())
    expect(got.status).toBe(200)
    const acta = got.body.acta
    expect(acta).toEqual(
      expect.objectContaining({
        status: "pending_signature",
        template: { code: "acta_entrega_recepcion", version: 1 },
        folio: expect.stringMatching(/^AER-/),
        signed_at: null,
      }),
    )
    expect(acta.html).toContain(o.contract_number)
    expect(acta.html).toContain("REM-0001")
    expect(acta.html).toMatch(/<td class="num">7<\/td><td class="num">6<\/td><td class="num">1<\/td>/)
    expect(acta.html).toContain("no procede pena convencional")
    expect(acta.signing_payload).toEqual({
      documento: "acta_entrega_recepcion",
      acta_id: acta.id,
      folio: acta.folio,
      reception_id: rid,
      document_sha256: acta.document_sha256,
    })
    const binary = (r: request.Test) =>
      r.buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on("data", (x: Buffer) => chunks.push(x))
        res.on("end", () => cb(null, Buffer.concat(chunks)))
      })
    const pdf = await binary(send("get", `/store/receptions/${rid}/acta/pdf`, receiver()))
    expect([pdf.status, pdf.headers["content-type"]]).toEqual([200, "application/pdf"])
    expect((pdf.body as Buffer).subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(
      createHash("sha256")
        .update(pdf.body as Buffer)
        .digest("hex"),
    ).toBe(acta.pdf_sha256)

    // only the Reception Manager's own e.firma over this acta's payload signs it
    const manager = world().actors.reception_manager
    const cred = await fx.efirmaOf(manager)
    const forged = await send(
      "post",
      `/store/receptions/${rid}/acta/sign`,
      receiver(),
      signWithKeyOf(cred, cred, { ...acta.signing_payload, document_sha256: "0".repeat(64) }),
    )
    expect([forged.status, forged.body.code]).toEqual([400, "FIRMA_INVALIDA"])
    expect(
      (
        await send(
          "post",
          `/store/receptions/${rid}/acta/sign`,
          world().actors.requiring_unit.token,
          signWithKeyOf(cred, cred, acta.signing_payload),
        )
      ).status,
    ).toBe(403)
    const before = await ledger.head()
    const signed = await send("post", `/store/receptions/${rid}/acta/sign`, receiver(), signWithKeyOf(cred, cred, acta.signing_payload))
    expect(signed.status).toBe(200)
    expect(signed.body.acta).toEqual(
      expect.objectContaining({ status: "signed", signed_by_person_id: manager.person_id, certificate_serial: expect.any(String) }),
    )
    const again = await send("post", `/store/receptions/${rid}/acta/sign`, receiver(), signWithKeyOf(cred, cred, acta.signing_payload))
    expect([again.status, again.body.code]).toEqual([409, "ESTADO_CAMBIO"])
    expect((await ledger.since(before)).map((e) => e.action).filter((a) => a.startsWith("reception_acta."))).toEqual([
      "reception_acta.signed",
    ])

    // the supplier downloads its copy; another agency's Reception Manager does not see it
    const copy = await binary(send("get", `/supplier/receptions/${rid}/acta/pdf`, supplier()))
    expect(
      createHash("sha256")
        .update(copy.body as Buffer)
        .digest("hex"),
    ).toBe(acta.pdf_sha256)
    const sepEmail = "almacen2.sep@prueba.gob.mx"
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Almacén SEP Dos",
        email: sepEmail,
        rfc: makeRfc("ALSD", "800101", "AB"),
        password: PASSWORD,
        roles: [{ role: "reception_manager", unit_id: world().units["SEP-ALM"] }],
      },
    })
    const sep = await login(baseUrl(), "customer", sepEmail)
    expect((await send("get", `/store/receptions/${rid}/acta`, sep)).body.code).toBe("RECEPCION_NO_EXISTE")
    expect((await send("get", `/store/receptions/${rid}/acta/pdf`, sep)).status).toBe(404)
  })

  it("denies other roles, other suppliers and other agencies", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    // a buyer cannot ship, the other supplier cannot see or ship this order
    expect((await ship(o.order_id, [[1, 1]], world().actors.requiring_unit.token)).status).toBe(403)
    const email = "representante.ofimex@prueba.com.mx"
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.supplier2,
        full_name: "Representante Ofimex",
        email,
        rfc: makeRfc("REOF", "800101", "AB"),
        password: PASSWORD,
        roles: [{ role: "supplier_user", unit_id: null }],
      },
    })
    const other = await login(baseUrl(), "supplier", email)
    expect((await ship(o.order_id, [[1, 1]], other)).body.code).toBe("PEDIDO_NO_EXISTE")
    expect((await send("get", `/supplier/orders/${o.order_id}/shipments`, other)).status).toBe(404)

    const shipped = await ship(o.order_id, [[1, 2]])
    // only the Reception Manager receives; a Reception Manager of another agency does not see it
    expect((await receive(shipped.body.shipment.id, [[1, 2, 0]], world().actors.requiring_unit.token)).status).toBe(403)
    expect((await receive(shipped.body.shipment.id, [[1, 2, 0]], supplier())).status).toBe(403)
    const sepEmail = "almacen.sep@prueba.gob.mx"
    await createPersonWorkflow(container()).run({
      input: {
        organization_id: world().orgs.agencyB,
        full_name: "Almacén SEP",
        email: sepEmail,
        rfc: makeRfc("ALSE", "800101", "AB"),
        password: PASSWORD,
        roles: [{ role: "reception_manager", unit_id: world().units["SEP-ALM"] }],
      },
    })
    const sep = await login(baseUrl(), "customer", sepEmail)
    expect((await receive(shipped.body.shipment.id, [[1, 2, 0]], sep)).body.code).toBe("ENVIO_NO_EXISTE")
    expect((await send("get", "/store/shipments", sep)).body.shipments).toEqual([])
    const ok = await receive(shipped.body.shipment.id, [[1, 2, 0]])
    expect((await send("get", `/store/receptions/${ok.body.reception.id}`, sep)).body.code).toBe("RECEPCION_NO_EXISTE")
    expect(await tally(o.order_id)).toEqual([expect.objectContaining({ shipped_quantity: 2, accepted_quantity: 2 })])
  })

  it("concurrent shipments can never together exceed the order (database guard, start barrier)", async () => {
    const o = await fx.signedContractOrder({ quantity: 10, deliveryDate: day(5) })
    const { gate, open } = barrier()
    const calls = Array.from({ length: 8 }, async (_, i) => {
      await gate
      return ship(o.order_id, [[1, 3]], supplier(), `REM-C${i}`)
    })
    open()
    const results = await Promise.all(calls)
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(results.filter((r) => r.status !== 201).map((r) => r.body.code)).toEqual(Array(5).fill("CANTIDAD_EXCEDE_PEDIDO"))
    expect((await tally(o.order_id))[0]).toEqual(expect.objectContaining({ ordered_quantity: 10, shipped_quantity: 9 }))
    expect(Number((await pg().raw("select count(*)::int as n from einv_shipment where order_id = ?", [o.order_id])).rows[0].n)).toBe(3)

    // the guard itself, below the workflows' own check: 6 concurrent additions of 1 to a line with 1 unit left
    const service = container().resolve("e_invoice") as unknown as {
      applyTally: (order: string, d: { contract_line: number; shipped: number }[]) => Promise<void>
    }
    const second = barrier()
    const direct = Array.from({ length: 6 }, async () => {
      await second.gate
      return service.applyTally(o.order_id, [{ contract_line: 1, shipped: 1 }]).then(
        () => "ok",
        (e: { code?: string }) => e.code,
      )
    })
    second.open()
    expect((await Promise.all(direct)).sort()).toEqual([...Array(5).fill("CANTIDAD_EXCEDE_PEDIDO"), "ok"])
    expect((await tally(o.order_id))[0]).toEqual(expect.objectContaining({ shipped_quantity: 10 }))
  })
})
