import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createBudgetKeysWorkflow } from "@tienda/budget/workflows"
import { issueCertificate, writeTestCaDirectory, type IssuedCredential, type TestCaDirectory } from "@tienda/contracts/efirma"
import { createSpecificContractWorkflow } from "@tienda/contracts/workflows"
import { reviewOfferRequestWorkflow, submitOfferRequestWorkflow } from "@tienda/framework-contracts/workflows"
import { createPersonWorkflow } from "@tienda/organizations/workflows"
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import request from "supertest"
import { makeRfc } from "../../../seed/src/rfc"
import { backingRequisition } from "../../../seed/src/steps/backing-requisition"
import { seedSpecificContracts } from "../../../seed/src/steps/specific-contracts"
import { describeApp } from "../../utils/runner"
import { login, PASSWORD, type Actor } from "../../utils/world"
import { signWithClient } from "./efirma-helpers"

// The project's own test CA, trusted through EFIRMA_CA_BUNDLE (read at the first verification).
const pki: TestCaDirectory = writeTestCaDirectory(mkdtempSync(join(tmpdir(), "spc-http-")))
afterAll(() => rmSync(pki.dir, { recursive: true, force: true }))
process.env.EFIRMA_CA_BUNDLE = pki.bundle

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }
type Person = { id: string; rfc: string; full_name: string }

const CLASSIFIER_CSV = [
  "Segment,Segment Title,Family,Family Title,Class,Class Title,Commodity,Commodity Title",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121704,Ball point pens",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121706,Wooden pencils",
].join("\n")

const ISSUED_AT = "2026-03-02T17:00:00.000Z"

describeApp("specific contracts", ({ world, baseUrl, container }) => {
  const pg = () => container().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const w = () => world()
  const get = (path: string, token: string) => {
    const r = request(baseUrl()).get(path).set("authorization", `Bearer ${token}`)
    return path.startsWith("/store") ? r.set("x-publishable-api-key", w().publishableKey) : r
  }
  const post = (path: string, body: object, token: string) => {
    const r = request(baseUrl()).post(path).set("authorization", `Bearer ${token}`)
    return (path.startsWith("/store") ? r.set("x-publishable-api-key", w().publishableKey) : r).send(body)
  }
  const token = (role: keyof ReturnType<typeof world>["actors"]) => w().actors[role].token
  const person = async (id: string): Promise<Person> => {
    const orgs = container().resolve("organization") as { listPeople: (f: object) => Promise<Person[]> }
    return (await orgs.listPeople({ id }))[0]
  }
  const count = async (table: string, where = "true") =>
    Number((await pg().raw(`select count(*)::int as n from ${table} where ${where}`)).rows[0].n)

  /** Another logged-in person with `role` in `organization_id` (for wrong-party and IDOR cases). */
  let extra = 0
  async function newActor(role: "purchasing_unit" | "supplier_user", organizationId: string, unitId: string | null): Promise<Actor> {
    extra++
    const email = `extra.${role}.${extra}@prueba.gob.mx`
    const { result } = await createPersonWorkflow(container()).run({
      input: {
        organization_id: organizationId,
        full_name: `Persona extra ${extra}`,
        email,
        rfc: makeRfc("EXPA", `9${extra}0101`, `B${extra}`),
        password: PASSWORD,
        roles: [{ role, unit_id: unitId }],
      },
    })
    const actorType = role === "supplier_user" ? "supplier" : "customer"
    return { role, email, person_id: result.id, actor_type: actorType, token: await login(baseUrl(), actorType, email) }
  }

  /** An e.firma of the person issued by the test CA and registered through the API. */
  async function registeredEfirma(actor: Actor): Promise<IssuedCredential> {
    const p = await person(actor.person_id)
    const cred = issueCertificate(pki.ca, { rfc: p.rfc, name: p.full_name }, { password: "Prueba-Firma-2026" })
    const prefix = actor.actor_type === "supplier" ? "/supplier" : "/store"
    const res = await post(`${prefix}/me/efirma/certificates`, { certificate: cred.cer_der.toString("base64") }, actor.token)
    expect(res.status).toBe(201)
    return cred
  }

  /**
   * The seeded-like world: classifier and crosswalk, a published office-supplies
   * framework contract with two items (pens, pencils), both suppliers and the
   * agency's units enrolled, approved offers, and a budget key of partida 21101.
   */
  async function market() {
    const admin = token("shcp_contract_admin")
    expect((await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, token("shcp_planning"))).status).toBe(200)
    for (const code of ["44121704", "44121706"]) {
      const r = await post(
        "/admin/classifier/crosswalk",
        { unspsc_code: code, partida: "21101", partida_title: "Materiales y útiles de oficina" },
        token("shcp_planning"),
      )
      expect(r.status).toBe(200)
    }
    const created = await post(
      "/admin/framework-contracts",
      {
        number: "CM-SHCP-2026-0001",
        title: "Contrato marco para la adquisición de materiales y útiles de oficina",
        legal_basis: "Artículos 17 de la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público y 14 de su Reglamento",
        valid_from: "2026-01-01",
        valid_until: "2027-12-31",
        min_amount: "1000000.00",
        max_amount: "50000000.00",
        lots: [
          {
            number: 1,
            title: "Papelería",
            competition_threshold: "300000.00",
            min_invitees: 3,
            bid_window_business_days: 5,
            items: [
              {
                code: "0001-010101",
                name: "Bolígrafo tinta azul punto mediano, caja con 12",
                description: "Bolígrafo de tinta azul, punto mediano 1.0 mm, caja con 12 piezas",
                unspsc_code: "44121704",
                sat_clave_unidad: "XBX",
                ceiling_price: "58.50",
                delivery_states: ["CMX", "JAL"],
              },
              {
                code: "0001-010201",
                name: "Lápiz de grafito HB No. 2, caja con 12",
                description: "Lápiz de grafito HB número 2, caja con 12 piezas",
                unspsc_code: "44121706",
                sat_clave_unidad: "XBX",
                ceiling_price: "40.00",
                delivery_states: ["CMX", "JAL"],
              },
            ],
          },
        ],
      },
      admin,
    )
    expect(created.status).toBe(201)
    const fc = created.body.framework_contract
    const [penId, pencilId] = fc.lots[0].items.map((i: { id: string }) => i.id)
    expect(
      (
        await post(
          `/admin/framework-contracts/${fc.id}/suppliers`,
          { supplier_ids: [w().orgs.supplier, w().orgs.supplier2], valid_from: "2026-01-01" },
          admin,
        )
      ).status,
    ).toBe(200)
    expect(
      (
        await post(
          `/admin/framework-contracts/${fc.id}/units`,
          { unit_ids: [w().units["SSA-AR01"], w().units["SSA-UC"], w().units["SEP-UC"]] },
          admin,
        )
      ).status,
    ).toBe(200)
    expect((await post(`/admin/framework-contracts/${fc.id}/status`, { status: "published" }, admin)).status).toBe(200)
    const offer = async (itemId: string, supplierId: string, price: string) => {
      const { result } = await submitOfferRequestWorkflow(container()).run({
        input: {
          supplier_id: supplierId,
          item_id: itemId,
          price,
          min_order_qty: 1,
          delivery_days: { CMX: 3, JAL: 5 },
          requested_by: "test",
        },
      })
      await reviewOfferRequestWorkflow(container()).run({
        input: { request_id: result.id, decision: "approve", reviewer: "test", at: "2026-01-15T00:00:00Z" },
      })
      const query = container().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "offer", fields: ["id"], filters: { item_id: itemId, supplier_id: supplierId } })
      return data[0].id as string
    }
    const offers = {
      pen: await offer(penId, w().orgs.supplier, "45.37"),
      pencil: await offer(pencilId, w().orgs.supplier, "32.10"),
      otherPen: await offer(penId, w().orgs.supplier2, "44.90"),
    }
    const key = (organization_id: string, ur: string) =>
      createBudgetKeysWorkflow(container()).run({
        input: {
          keys: [
            {
              organization_id,
              fiscal_year: 2026,
              ramo: "12",
              unidad_responsable: ur,
              programa_presupuestario: "M001",
              partida_especifica: "21101",
              fuente_financiamiento: "1",
              entidad_federativa: "09",
              provider: "own_resources",
              aprobado: "1000000.00",
            },
          ],
        },
      })
    const budgetKey = (await key(w().orgs.agencyA, "510")).result[0]
    const otherKey = (await key(w().orgs.agencyB, "511")).result[0]
    return { framework: fc.id as string, offers, budgetKey: budgetKey.id as string, otherKey: otherKey.id as string }
  }

  const body = (m: Awaited<ReturnType<typeof market>>, over: object = {}) => ({
    supplier_id: w().orgs.supplier,
    framework_contract_id: m.framework,
    budget_key_id: m.budgetKey,
    lines: [
      { offer_id: m.offers.pen, quantity: 40 },
      { offer_id: m.offers.pencil, quantity: 25, delivery_date: "2026-03-20" },
    ],
    delivery: { place: "Almacén General, Av. Vallarta 1234, Guadalajara, Jal.", unit_id: w().units["SSA-ALM"] },
    ...over,
  })

  /**
   * A contract issued through the workflow at a fixed time (stable number and
   * documents), backed by a requisition with its total reserved, so that it
   * can come into force (commitment and order, ADR 0010).
   */
  let requisitions = 0
  async function issued(m: Awaited<ReturnType<typeof market>>) {
    const buyer = w().actors.purchasing_unit
    const b = body(m)
    const backing = await backingRequisition(container(), {
      number: `REQ-PRUEBA-${++requisitions}`,
      agency_id: w().orgs.agencyA,
      unit_id: w().units["SSA-AR01"],
      requester_person_id: w().actors.requiring_unit.person_id,
      budget_key_id: m.budgetKey,
      offers: b.lines,
      delivery_place: b.delivery.place,
      delivery_date: "2026-03-27",
    })
    const { result } = await createSpecificContractWorkflow(container()).run({
      input: {
        ...b,
        requisition_id: backing.id,
        approved_total: backing.total,
        agency_id: w().orgs.agencyA,
        agency_unit_id: w().units["SSA-UC"],
        actor: {
          person_id: buyer.person_id,
          actor_type: "customer",
          actor_id: "cus_fijo",
          role: "purchasing_unit",
          organization_id: w().orgs.agencyA,
        },
        at: ISSUED_AT,
      },
    })
    return result
  }

  it("issues a contract from the framework contract: number, per-line IVA, words, stable HTML (snapshot) and a valid PDF", async () => {
    const m = await market()
    const c = await issued(m)
    expect(c.number).toBe("CE-SSA-2026-00001")

    const detail = await get(`/store/specific-contracts/${c.id}`, token("purchasing_unit"))
    expect(detail.status).toBe(200)
    const d = detail.body.specific_contract
    expect(d).toMatchObject({
      number: "CE-SSA-2026-00001",
      kind: "contract",
      status: "pending_signatures",
      template_code: "contrato_especifico",
      template_version: 1,
      subtotal: "2617.30",
      iva: "418.77",
      total: "3036.07",
      currency_code: "mxn",
      signing_payload: { contract_id: c.id, number: "CE-SSA-2026-00001", document_sha256: d.document_sha256 },
      signatures: [],
    })
    // IVA per line: 1814.80 × 0.16 = 290.368 → 290.37; 802.50 × 0.16 = 128.40
    expect(d.data.lines.map((l: { iva: string; delivery_days: number | null }) => [l.iva, l.delivery_days])).toEqual([
      ["290.37", 5],
      ["128.40", null],
    ])
    expect(d.data.totals.total_in_words).toBe("tres mil treinta y seis pesos 07/100 M.N.")
    expect(d.data.agency.representative.person_id).toBe(w().actors.purchasing_unit.person_id)
    expect(d.data.supplier.representative.person_id).toBe(w().actors.supplier_user.person_id)

    const html = await get(`/store/specific-contracts/${c.id}/html`, token("purchasing_unit"))
    expect(html.status).toBe(200)
    expect(html.headers["content-type"]).toContain("text/html")
    expect(html.headers["x-content-sha256"]).toBe(createHash("sha256").update(html.text, "utf8").digest("hex"))
    expect(html.headers["x-content-sha256"]).toBe(d.html_sha256)
    expect(html.text).toContain("$3,036.07 (tres mil treinta y seis pesos 07/100 M.N.)")
    expect(html.text.replace(/[0-9a-f]{64}/g, "<sha256>")).toMatchSnapshot()

    const pdf = await get(`/store/specific-contracts/${c.id}/pdf`, token("purchasing_unit"))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on("data", (x: Buffer) => chunks.push(x))
        res.on("end", () => cb(null, Buffer.concat(chunks)))
      })
    expect(pdf.status).toBe(200)
    const bytes = pdf.body as Buffer
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-")
    expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThanOrEqual(2)
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(d.pdf_sha256)

    const { rows } = await pg().raw("select action, entity_id from audit_entry where entity_type = 'specific_contract'")
    expect(rows).toEqual([{ action: "specific_contract.created", entity_id: c.id }])
  })

  it("comes only from a requisition: HTTP refuses; the workflow numbers in sequence and refuses with Spanish messages", async () => {
    const m = await market()
    const direct = await post("/store/specific-contracts", body(m), token("purchasing_unit"))
    expect(direct.status).toBe(400)
    expect(direct.body.code).toBe("CONTRATO_SOLO_DESDE_REQUISICION")
    const denied = await post("/store/specific-contracts", body(m), token("requiring_unit"))
    expect(denied.status).toBe(403)
    expect(denied.body.code).toBe("PERMISO_DENEGADO")

    const buyer = w().actors.purchasing_unit
    const run = (over: object) =>
      createSpecificContractWorkflow(container()).run({
        input: {
          ...body(m),
          requisition_id: "req_prueba",
          approved_total: "100000.00",
          agency_id: w().orgs.agencyA,
          actor: {
            person_id: buyer.person_id,
            actor_type: "customer",
            actor_id: "cus_fijo",
            role: "purchasing_unit",
            organization_id: w().orgs.agencyA,
          },
          ...over,
        } as never,
      })
    const first = (await run({})).result
    const second = (await run({ lines: [{ offer_id: m.offers.pen, quantity: 2 }] })).result
    const year = new Intl.DateTimeFormat("en", { timeZone: "America/Mexico_City", year: "numeric" }).format(new Date())
    expect([first.number, second.number]).toEqual([`CE-SSA-${year}-00001`, `CE-SSA-${year}-00002`])

    await expect(run({ requisition_id: null })).rejects.toMatchObject({ code: "CONTRATO_SOLO_DESDE_REQUISICION" })
    await expect(run({ approved_total: "100.00" })).rejects.toMatchObject({ code: "CONTRATO_EXCEDE_REQUISICION" })
    await expect(run({ lines: [{ offer_id: m.offers.otherPen, quantity: 1 }] })).rejects.toMatchObject({
      code: "OFERTA_NO_VALIDA",
      message: expect.stringContaining("no es de Papelería Industrial del Bajío"),
    })
    await expect(run({ budget_key_id: m.otherKey })).rejects.toMatchObject({ code: "CLAVE_PRESUPUESTAL_INVALIDA" })
    expect(await count("specific_contract")).toBe(2)
  })

  it("scopes every route to the caller's organization (IDOR) and lets SHCP read all", async () => {
    const m = await market()
    const c = await issued(m)
    const otherBuyer = await newActor("purchasing_unit", w().orgs.agencyB, w().units["SEP-UC"])
    const otherSupplier = await newActor("supplier_user", w().orgs.supplier2, null)
    for (const path of ["", "/html", "/pdf"]) {
      const r = await get(`/store/specific-contracts/${c.id}${path}`, otherBuyer.token)
      expect(r.status).toBe(404)
      expect(r.body.code ?? "").toMatch(/^(CONTRATO_ESPECIFICO_NO_EXISTE)?$/)
      expect((await get(`/supplier/specific-contracts/${c.id}${path}`, otherSupplier.token)).status).toBe(404)
      expect((await get(`/supplier/specific-contracts/${c.id}${path}`, token("supplier_user"))).status).toBe(200)
    }
    expect((await get("/store/specific-contracts", otherBuyer.token)).body.count).toBe(0)
    expect((await get("/supplier/specific-contracts", otherSupplier.token)).body.count).toBe(0)
    expect((await get("/store/specific-contracts", token("contract_admin"))).body.count).toBe(1)
    expect((await get("/supplier/specific-contracts", token("supplier_user"))).body.specific_contracts[0].id).toBe(c.id)
    expect((await get(`/store/specific-contracts/${c.id}`, token("supplier_user"))).status).toBe(403)
    expect((await get(`/supplier/specific-contracts/${c.id}`, token("purchasing_unit"))).status).toBe(403)

    const sign = await post(
      `/store/specific-contracts/${c.id}/sign`,
      { certificate: "A".repeat(200), signature: "B".repeat(64) },
      otherBuyer.token,
    )
    expect(sign.status).toBe(404)
    const cancel = await post(`/store/specific-contracts/${c.id}/cancel`, { reason: "Intento desde otra dependencia" }, otherBuyer.token)
    expect(cancel.status).toBe(404)

    const all = await get(`/admin/specific-contracts?agency_id=${w().orgs.agencyA}`, token("shcp_contract_admin"))
    expect(all.body.specific_contracts.map((x: { id: string }) => x.id)).toEqual([c.id])
    // ?fields= narrows each contract (query-config.ts); an unknown field is a 400
    const narrow = await get("/supplier/specific-contracts?fields=id,status,total", token("supplier_user"))
    expect(narrow.body.specific_contracts).toEqual([{ id: c.id, status: expect.any(String), total: expect.stringMatching(/^\d+\.\d{2}$/) }])
    const unknown = await get("/store/specific-contracts?fields=id,pdf_base64", token("contract_admin"))
    expect([unknown.status, unknown.body.code]).toEqual([400, "CAMPOS_NO_PERMITIDOS"])
    expect((await get(`/admin/specific-contracts/${c.id}/pdf`, token("shcp_contract_admin"))).status).toBe(200)
    expect((await get("/admin/specific-contracts", token("shcp_planning"))).status).toBe(403)
  })

  it("comes into force only when both parties' e.firma signatures verify (agency first, then supplier)", async () => {
    const m = await market()
    const c = await issued(m)
    const buyer = w().actors.purchasing_unit
    const rep = w().actors.supplier_user
    const buyerCred = await registeredEfirma(buyer)
    const repCred = await registeredEfirma(rep)
    const bus = container().resolve(Modules.EVENT_BUS) as { emit: (...args: unknown[]) => unknown }
    const emit = jest.spyOn(bus, "emit")

    const payload = (await get(`/store/specific-contracts/${c.id}`, buyer.token)).body.specific_contract.signing_payload
    expect(payload).toEqual({ contract_id: c.id, number: "CE-SSA-2026-00001", document_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })

    const agencySigned = await post(
      `/store/specific-contracts/${c.id}/sign`,
      { ...signWithClient(buyerCred, payload), document_sha256: payload.document_sha256 },
      buyer.token,
    )
    expect(agencySigned.status).toBe(200)
    expect(agencySigned.body.specific_contract).toMatchObject({ status: "partially_signed", in_force_at: null })

    const twice = await post(`/store/specific-contracts/${c.id}/sign`, signWithClient(buyerCred, payload), buyer.token)
    expect(twice.status).toBe(400)
    expect(twice.body).toMatchObject({ code: "CONTRATO_YA_FIRMADO", message: expect.stringContaining("no se firma dos veces") })

    const supplierSigned = await post(`/supplier/specific-contracts/${c.id}/sign`, signWithClient(repCred, payload), rep.token)
    expect(supplierSigned.status).toBe(200)
    const done = supplierSigned.body.specific_contract
    expect(done.status).toBe("in_force")
    expect(done.in_force_at).toBeTruthy()
    expect(done.signatures.map((s: { role: string; certificate_serial: string }) => [s.role, s.certificate_serial])).toEqual([
      ["agency_signer", buyerCred.serial],
      ["supplier", repCred.serial],
    ])

    const names = emit.mock.calls.flatMap((call) => [call[0]].flat() as { name: string; data: Record<string, unknown> }[])
    const inForce = names.filter((e) => e.name === "specific_contract.in_force")
    expect(inForce).toHaveLength(1)
    expect(inForce[0].data).toMatchObject({ id: c.id, budget_key_id: m.budgetKey, total: "3036.07", kind: "contract" })
    emit.mockRestore()

    const { rows } = await pg().raw(
      "select action, certificate_serial, signature is not null as signed from audit_entry where entity_id = ? order by sequence",
      [c.id],
    )
    expect(rows).toEqual([
      { action: "specific_contract.created", certificate_serial: null, signed: false },
      { action: "specific_contract.signed", certificate_serial: buyerCred.serial, signed: true },
      { action: "specific_contract.signed", certificate_serial: repCred.serial, signed: true },
      // entry into force committed the budget and released the order (ADR 0010)
      { action: "specific_contract.order_released", certificate_serial: null, signed: false },
    ])
    const late = await post(`/supplier/specific-contracts/${c.id}/sign`, signWithClient(repCred, payload), rep.token)
    expect(late.status).toBe(400)
    expect(late.body.code).toBe("CONTRATO_YA_FIRMADO")
  })

  it("refuses an altered document, the wrong party and another agency; nothing is stored", async () => {
    const m = await market()
    const c = await issued(m)
    const buyer = w().actors.purchasing_unit
    const buyerCred = await registeredEfirma(buyer)
    const payload = (await get(`/store/specific-contracts/${c.id}`, buyer.token)).body.specific_contract.signing_payload
    const altered = { ...payload, document_sha256: "f".repeat(64) }

    const forged = await post(`/store/specific-contracts/${c.id}/sign`, signWithClient(buyerCred, altered), buyer.token)
    expect(forged.status).toBe(400)
    expect(forged.body.code).toBe("FIRMA_INVALIDA")
    const declared = await post(
      `/store/specific-contracts/${c.id}/sign`,
      { ...signWithClient(buyerCred, altered), document_sha256: altered.document_sha256 },
      buyer.token,
    )
    expect(declared.status).toBe(400)
    expect(declared.body).toMatchObject({ code: "DOCUMENTO_ALTERADO", message: expect.stringContaining("no es el vigente") })

    const colleague = await newActor("purchasing_unit", w().orgs.agencyA, w().units["SSA-UC"])
    const colleagueCred = await registeredEfirma(colleague)
    const wrong = await post(`/store/specific-contracts/${c.id}/sign`, signWithClient(colleagueCred, payload), colleague.token)
    expect(wrong.status).toBe(403)
    expect(wrong.body).toMatchObject({
      code: "FIRMANTE_NO_DESIGNADO",
      message: expect.stringContaining("como firmante por la dependencia"),
    })

    const noPermission = await post(`/store/specific-contracts/${c.id}/sign`, signWithClient(buyerCred, payload), token("contract_admin"))
    expect(noPermission.status).toBe(403)
    expect(noPermission.body.code).toBe("PERMISO_DENEGADO")
    const supplierOnAgencySide = await post(
      `/store/specific-contracts/${c.id}/sign`,
      signWithClient(buyerCred, payload),
      token("supplier_user"),
    )
    expect(supplierOnAgencySide.status).toBe(403)

    const otherAgency = await newActor("purchasing_unit", w().orgs.agencyB, w().units["SEP-UC"])
    const otherCred = await registeredEfirma(otherAgency)
    const foreign = await post(`/store/specific-contracts/${c.id}/sign`, signWithClient(otherCred, payload), otherAgency.token)
    expect(foreign.status).toBe(404)

    expect(await count("contract_signature")).toBe(0)
    expect((await get(`/store/specific-contracts/${c.id}`, buyer.token)).body.specific_contract.status).toBe("pending_signatures")
    await expect(pg().raw("update specific_contract set total = 1 where id = ?", [c.id])).rejects.toThrow(/no se puede modificar/)
  })

  it("amends a contract in force (≤ 20 %, LAASSP art. 52) and the amendment is signed by both again", async () => {
    const m = await market()
    const c = await issued(m)
    const buyer = w().actors.purchasing_unit
    const rep = w().actors.supplier_user
    const buyerCred = await registeredEfirma(buyer)
    const repCred = await registeredEfirma(rep)
    const signBoth = async (id: string) => {
      const payload = (await get(`/store/specific-contracts/${id}`, buyer.token)).body.specific_contract.signing_payload
      expect((await post(`/store/specific-contracts/${id}/sign`, signWithClient(buyerCred, payload), buyer.token)).status).toBe(200)
      const r = await post(`/supplier/specific-contracts/${id}/sign`, signWithClient(repCred, payload), rep.token)
      expect(r.status).toBe(200)
      return r.body.specific_contract
    }
    const amend = (changes: object[]) =>
      post(
        `/store/specific-contracts/${c.id}/amendments`,
        { reason: "Mayor demanda en la Delegación Jalisco", changes },
        token("contract_admin"),
      )

    const early = await amend([{ line: 1, quantity: 44 }])
    expect(early.status).toBe(400)
    expect(early.body.code).toBe("CONTRATO_NO_MODIFICABLE")
    expect((await signBoth(c.id)).status).toBe("in_force")

    // 40 → 57 pens: +771.29 on 2617.30 = +29.47 %
    const over = await amend([{ line: 1, quantity: 57 }])
    expect(over.status).toBe(400)
    expect(over.body).toMatchObject({
      code: "MODIFICACION_EXCEDE_20_POR_CIENTO",
      message: expect.stringContaining("el artículo 52 de la LAASSP permite modificaciones de hasta el 20 %"),
    })
    expect(
      (
        await post(
          `/store/specific-contracts/${c.id}/amendments`,
          { reason: "Mayor demanda en la Delegación Jalisco", changes: [{ line: 1, quantity: 44 }] },
          token("purchasing_unit"),
        )
      ).status,
    ).toBe(403)

    const ok = await amend([
      { line: 1, quantity: 50 },
      { line: 2, delivery_date: "2026-04-15" },
    ])
    expect(ok.status).toBe(201)
    const a = ok.body.specific_contract
    expect(a).toMatchObject({
      number: "CE-SSA-2026-00001-CM01",
      kind: "amendment",
      parent_id: c.id,
      status: "pending_signatures",
      template_code: "convenio_modificatorio",
    })
    // +10 boxes × 45.37 = 453.70 → subtotal 3071.00 (+17.33 %); IVA per line 362.96 + 128.40
    expect(a).toMatchObject({ subtotal: "3071.00", iva: "491.36", total: "3562.36" })
    expect(a.data.amendment).toMatchObject({ change_percent: "17.33", parent_number: "CE-SSA-2026-00001", sequence: 1 })
    const html = await get(`/store/specific-contracts/${a.id}/html`, buyer.token)
    expect(html.text).toContain("CONVENIO MODIFICATORIO NÚMERO CE-SSA-2026-00001-CM01")
    expect(html.text).toContain("<td>Cantidad</td><td>40</td><td>50</td>")

    const pending = await amend([{ line: 2, quantity: 26 }])
    expect(pending.status).toBe(400)
    expect(pending.body.code).toBe("CONVENIO_EN_TRAMITE")

    expect((await signBoth(a.id)).status).toBe("in_force")
    const parent = await get(`/supplier/specific-contracts/${c.id}`, rep.token)
    expect(parent.body.specific_contract.amendments).toEqual([
      expect.objectContaining({ id: a.id, status: "in_force", amendment_sequence: 1 }),
    ])

    // cumulative: a second amendment is measured against the original amount
    const second = await amend([{ line: 1, quantity: 53 }])
    expect(second.status).toBe(400)
    expect(second.body.code).toBe("MODIFICACION_EXCEDE_20_POR_CIENTO")
  })

  it("versions templates: unsafe or broken versions are refused, a new version supersedes the old one", async () => {
    const admin = token("shcp_contract_admin")
    const listed = await get("/admin/contract-templates", admin)
    expect(listed.body.contract_templates.map((t: { code: string; version: number }) => `${t.code}@${t.version}`)).toEqual([
      "contrato_especifico@1",
      "convenio_modificatorio@1",
    ])
    const v1 = await get(`/admin/contract-templates/${listed.body.contract_templates[0].id}`, admin)
    const unsafe = await post(
      "/admin/contract-templates",
      {
        code: "contrato_especifico",
        title: "Versión insegura",
        body: v1.body.contract_template.body.replace("{{number}}", "{{{number}}}"),
      },
      admin,
    )
    expect(unsafe.status).toBe(400)
    expect(unsafe.body.code).toBe("PLANTILLA_INVALIDA")
    const broken = await post(
      "/admin/contract-templates",
      { code: "contrato_especifico", title: "Versión rota", body: `${v1.body.contract_template.body}<p>{{campo_inexistente}}</p>` },
      admin,
    )
    expect(broken.status).toBe(400)
    expect(broken.body.message).toContain("no se pudo aplicar")
    expect(
      (
        await post(
          "/admin/contract-templates",
          { code: "contrato_especifico", title: "v2", body: v1.body.contract_template.body },
          token("shcp_planning"),
        )
      ).status,
    ).toBe(403)

    const v2 = await post(
      "/admin/contract-templates",
      {
        code: "contrato_especifico",
        title: "Contrato específico (v2)",
        body: v1.body.contract_template.body.replace("CLÁUSULAS</h2>", "CLÁUSULAS (versión 2)</h2>"),
        effective_from: "2026-02-01T00:00:00Z",
      },
      admin,
    )
    expect(v2.status).toBe(201)
    expect(v2.body.contract_template).toMatchObject({ version: 2, kind: "contract" })

    const m = await market()
    const c = await issued(m)
    const d = await get(`/store/specific-contracts/${c.id}`, token("purchasing_unit"))
    expect(d.body.specific_contract.template_version).toBe(2)
    expect((await get(`/store/specific-contracts/${c.id}/html`, token("purchasing_unit"))).text).toContain("CLÁUSULAS (versión 2)")
    await expect(pg().raw("update contract_template set body = 'x' where version = 1")).rejects.toThrow(/no se modifican/)
  })

  it("the demo seed step issues one contract pending signatures, once (same RFCs and framework contract as the seed)", async () => {
    await market()
    await seedSpecificContracts({ container: container(), args: [] } as never)
    await seedSpecificContracts({ container: container(), args: [] } as never)
    const list = await get("/supplier/specific-contracts", token("supplier_user"))
    expect(list.body.count).toBe(1)
    expect(list.body.specific_contracts[0]).toMatchObject({
      status: "pending_signatures",
      requisition_id: expect.stringMatching(/^req_/),
      agency_id: w().orgs.agencyA,
    })
    // backed by its demo requisition, whose total is reserved and linked
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [r],
    } = await query.graph({
      entity: "requisition",
      fields: ["number", "status", "specific_contracts.id"],
      filters: { id: list.body.specific_contracts[0].requisition_id },
    })
    expect(r).toMatchObject({
      number: "REQ-DEMO-0001",
      status: "contracted",
      specific_contracts: [{ id: list.body.specific_contracts[0].id }],
    })
    expect(list.body.specific_contracts[0].number).toMatch(/^CE-SSA-\d{4}-00001$/)
  })
})
