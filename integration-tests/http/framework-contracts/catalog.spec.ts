import request from "supertest"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  createFrameworkContractWorkflow,
  reviewOfferRequestWorkflow,
  submitOfferRequestWorkflow,
} from "@tienda/framework-contracts/workflows"
import { describeApp } from "../../utils/runner"

const CLASSIFIER_CSV = [
  "Segment,Segment Title,Family,Family Title,Class,Class Title,Commodity,Commodity Title",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121704,Ball point pens",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,44121706,Wooden pencils",
  "14000000,Paper Materials and Products,14110000,Paper products,14111500,Printing and writing paper,14111507,Printer or copier paper",
  "44000000,Office Equipment and Accessories and Supplies,44120000,Office supplies,44121700,Writing instruments,4412170X,Broken row",
].join("\n")

describeApp("framework contracts and catalog", ({ world, baseUrl, container }) => {
  const as = (role: keyof ReturnType<typeof world>["actors"]) => world().actors[role].token
  const post = (path: string, body: object, token: string) =>
    request(baseUrl()).post(path).set("authorization", `Bearer ${token}`).send(body)
  const get = (path: string, token: string) => {
    const r = request(baseUrl()).get(path).set("authorization", `Bearer ${token}`)
    return path.startsWith("/store") ? r.set("x-publishable-api-key", world().publishableKey) : r
  }
  const count = async (entity: string) => {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    return (await query.graph({ entity, fields: ["id"] })).data.length
  }

  const contractBody = (items: object[]) => ({
    number: "CM-SHCP-2026-001",
    title: "Contrato marco de materiales y útiles de oficina",
    legal_basis: "Art. 17 LAASSP; Art. 14 RLAASSP",
    valid_from: "2026-01-01",
    valid_until: "2027-12-31",
    min_amount: "1000000.00",
    max_amount: "50000000.00",
    lots: [{ number: 1, title: "Papelería", competition_threshold: "300000.00", min_invitees: 3, bid_window_business_days: 5, items }],
  })
  const pen = {
    code: "AM-001",
    name: "Bolígrafo tinta azul punto mediano",
    description: "Bolígrafo de tinta azul, punto mediano 1.0 mm, caja con 12 piezas",
    unspsc_code: "44121704",
    sat_clave_unidad: "XBX",
    ceiling_price: "58.50",
    delivery_states: ["CMX", "JAL"],
  }

  /** Classifier, crosswalk, a published contract with one item, supplier and unit SSA-AR01 enrolled. */
  async function publishedContract() {
    expect((await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, as("shcp_planning"))).status).toBe(200)
    expect(
      (
        await post(
          "/admin/classifier/crosswalk",
          { unspsc_code: "44121704", partida: "21101", partida_title: "Materiales y útiles de oficina" },
          as("shcp_planning"),
        )
      ).status,
    ).toBe(200)
    const created = await post("/admin/framework-contracts", contractBody([pen]), as("shcp_contract_admin"))
    expect(created.status).toBe(201)
    const id = created.body.framework_contract.id
    const itemId = created.body.framework_contract.lots[0].items[0].id
    expect(
      (
        await post(
          `/admin/framework-contracts/${id}/suppliers`,
          { supplier_ids: [world().orgs.supplier, world().orgs.supplier2], valid_from: "2026-01-01" },
          as("shcp_contract_admin"),
        )
      ).status,
    ).toBe(200)
    expect(
      (await post(`/admin/framework-contracts/${id}/units`, { unit_ids: [world().units["SSA-AR01"]] }, as("shcp_contract_admin"))).status,
    ).toBe(200)
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, as("shcp_contract_admin"))).status).toBe(200)
    // the list answers only the asked fields (query-config.ts); an unknown one is a 400
    const listed = await get(`/admin/framework-contracts?fields=id,status`, as("shcp_contract_admin"))
    expect(listed.body.framework_contracts).toContainEqual({ id, status: "published" })
    expect((await get(`/admin/framework-contracts?fields=id,lots`, as("shcp_contract_admin"))).body.code).toBe("CAMPOS_NO_PERMITIDOS")
    return { id, itemId }
  }

  /** An approved offer of `supplierId` at `price` (through the real workflows). */
  async function approvedOffer(itemId: string, supplierId: string, price: string) {
    const { result } = await submitOfferRequestWorkflow(container()).run({
      input: { supplier_id: supplierId, item_id: itemId, price, min_order_qty: 1, delivery_days: { CMX: 3, JAL: 5 }, requested_by: "test" },
    })
    await reviewOfferRequestWorkflow(container()).run({
      input: { request_id: result.id, decision: "approve", reviewer: "test", at: new Date().toISOString() },
    })
  }

  it("imports the classifier and reports the rows it rejected", async () => {
    const res = await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, as("shcp_planning"))
    expect(res.body).toEqual(expect.objectContaining({ format: "unspsc", created: 9, updated: 0 }))
    expect(res.body.rejected).toEqual([{ row: 5, code: "4412170X", reason: expect.stringContaining("no es un código UNSPSC") }])
    const roots = await get("/admin/classifier", as("shcp_planning"))
    expect(roots.body.codes.map((c: { code: string }) => c.code)).toEqual(["14000000", "44000000"])
    expect((await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, as("shcp_contract_admin"))).status).toBe(403)
  })

  it.each([
    ["a code that is not a UNSPSC commodity", { unspsc_code: "44121700" }, "UNSPSC_NO_ES_ARTICULO"],
    ["a commodity that is not in the classifier", { unspsc_code: "44121799" }, "UNSPSC_NO_CLASIFICADO"],
    ["an item without COG partida (no crosswalk either)", { unspsc_code: "44121706" }, "ARTICULO_SIN_PARTIDA"],
    ["a unit that is not in c_ClaveUnidad", { sat_clave_unidad: "ZZZ" }, "CLAVE_UNIDAD_INVALIDA"],
    ["a state that is not in c_Estado", { delivery_states: ["XYZ"] }, "ZONAS_DE_ENTREGA_INVALIDAS"],
  ])("refuses a contract with %s (400, Spanish, nothing stored)", async (_l, change, code) => {
    await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, as("shcp_planning"))
    await post(
      "/admin/classifier/crosswalk",
      { unspsc_code: "44121704", partida: "21101", partida_title: "Materiales y útiles de oficina" },
      as("shcp_planning"),
    )
    const res = await post("/admin/framework-contracts", contractBody([{ ...pen, ...change }]), as("shcp_contract_admin"))
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(code)
    expect(res.body.message).toContain("AM-001")
    expect(await count("framework_contract")).toBe(0)
    expect(await count("framework_item")).toBe(0)
  })

  it("lets only the Master Contract Administrator create and move contracts, along allowed transitions", async () => {
    expect((await post("/admin/framework-contracts", contractBody([pen]), as("shcp_planning"))).status).toBe(403)
    const { id } = await publishedContract()
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "suspended" }, as("shcp_planning"))).status).toBe(403)
    const back = await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, as("shcp_contract_admin"))
    expect(back.status).toBe(400)
    expect(back.body.code).toBe("TRANSICION_NO_PERMITIDA")
  })

  it("shows the data sheet as of any date", async () => {
    const { id } = await publishedContract()
    const versions = await get(`/admin/framework-contracts/${id}`, as("shcp_contract_admin"))
    expect(versions.body.framework_contract.status).toBe("published")
    expect(versions.body.framework_contract.version).toBe(4)
    const early = await get(`/admin/framework-contracts/${id}?as_of=2020-01-01`, as("shcp_contract_admin"))
    expect(early.status).toBe(404)
    expect(early.body.code).toBe("SIN_VERSION_EN_FECHA")
  })

  it.each([
    ["above the ceiling", { price: "58.51" }, "PRECIO_SUPERA_TECHO"],
    ["to a state the item does not cover", { delivery_days: { NLE: 4 } }, "ZONA_FUERA_DE_CONTRATO"],
  ])("refuses an offer %s with 400 and stores nothing", async (_l, change, code) => {
    const { itemId } = await publishedContract()
    const res = await post(
      "/supplier/offer-requests",
      { item_id: itemId, price: "50.00", delivery_days: { CMX: 3 }, ...change },
      as("supplier_user"),
    )
    expect(res.status).toBe(400)
    expect(res.body.code).toBe(code)
    expect(await count("offer_request")).toBe(0)
  })

  it("refuses an offer from a supplier that is not enrolled", async () => {
    const { itemId } = await publishedContract()
    const contracts = await get("/admin/framework-contracts", as("shcp_contract_admin"))
    const id = contracts.body.framework_contracts[0].id
    // a third supplier: create it and its user through the admin API
    const org = await post(
      "/admin/organizations",
      {
        kind: "supplier",
        rfc: "TEX150901P24",
        legal_name: "Tóner Express de México, S.A. de C.V.",
        regimen_fiscal: "601",
        codigo_postal: "44100",
      },
      as("system_admin"),
    )
    expect(org.status).toBe(201)
    const person = await post(
      "/admin/people",
      {
        organization_id: org.body.organization.id,
        full_name: "Rocío Vega Soto",
        email: "ventas@tonerexpress.mx",
        rfc: "VESR800101AB2",
        password: "Contrasena-Proveedor-1",
        roles: [{ role: "supplier_user" }],
      },
      as("system_admin"),
    )
    expect(person.status).toBe(201)
    const login = await request(baseUrl())
      .post("/auth/supplier/emailpass")
      .send({ email: "ventas@tonerexpress.mx", password: "Contrasena-Proveedor-1" })
    const res = await post("/supplier/offer-requests", { item_id: itemId, price: "40.00", delivery_days: { CMX: 3 } }, login.body.token)
    expect(res.status).toBe(400)
    expect(res.body.code).toBe("PROVEEDOR_NO_ADHERIDO")
    expect(res.body.message).toContain("no está adherido")
    expect(await count("offer_request")).toBe(0)
    expect(id).toBeTruthy()
  })

  it("keeps a price change invisible to buyers until approved, and the old price in the history", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "52.00")
    const buyer = as("requiring_unit")
    const before = await get(`/store/catalog/items/${itemId}`, buyer)
    expect(before.body.offers.map((o: { price: string }) => o.price)).toEqual(["52"])

    const change = await post(
      "/supplier/offer-requests",
      { item_id: itemId, price: "49.90", delivery_days: { CMX: 2 } },
      as("supplier_user"),
    )
    expect(change.status).toBe(201)
    expect(change.body.offer_request.kind).toBe("price_change")
    const pending = await get(`/store/catalog/items/${itemId}`, buyer)
    expect(pending.body.offers[0].price).toBe("52")

    // the review queue shows what the reviewer decides on: item, ceiling, price in force, proposal, difference
    const queue = await get("/admin/offer-requests", as("shcp_contract_admin"))
    expect(queue.status).toBe(200)
    expect(queue.body.offer_requests).toEqual([
      expect.objectContaining({
        id: change.body.offer_request.id,
        kind: "price_change",
        price: "49.9",
        previous_price: "52",
        difference: "-2.10",
        item: { id: itemId, code: "AM-001", name: pen.name, ceiling_price: "58.5" },
        supplier: expect.objectContaining({ id: world().orgs.supplier, legal_name: expect.any(String) }),
      }),
    ])
    // an SHCP official who does not review offers does not see the queue
    const planning = await get("/admin/offer-requests", as("shcp_planning"))
    expect(planning.status).toBe(403)
    expect(planning.body.code).toBe("PERMISO_DENEGADO")

    // a supplier is not an admin user at all: Medusa refuses it before our guard
    expect(
      (await post(`/admin/offer-requests/${change.body.offer_request.id}/review`, { decision: "approve" }, as("supplier_user"))).status,
    ).toBe(401)
    const ok = await post(
      `/admin/offer-requests/${change.body.offer_request.id}/review`,
      { decision: "approve" },
      as("shcp_contract_admin"),
    )
    expect(ok.status).toBe(200)
    const after = await get(`/store/catalog/items/${itemId}`, buyer)
    expect(after.body.offers[0]).toEqual(expect.objectContaining({ price: "49.9", delivery_days: 2 }))

    const mine = await get("/supplier/offers", as("supplier_user"))
    const history = mine.body.offers[0].prices.map((p: { price: number; valid_until: string | null }) => [
      String(p.price),
      p.valid_until === null,
    ])
    expect(history.sort()).toEqual([
      ["49.9", true],
      ["52", false],
    ])
  })

  it("requires a reason to reject", async () => {
    const { itemId } = await publishedContract()
    const req = await post("/supplier/offer-requests", { item_id: itemId, price: "50.00", delivery_days: { CMX: 3 } }, as("supplier_user"))
    const bad = await post(`/admin/offer-requests/${req.body.offer_request.id}/review`, { decision: "reject" }, as("shcp_contract_admin"))
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe("MOTIVO_REQUERIDO")
    const good = await post(
      `/admin/offer-requests/${req.body.offer_request.id}/review`,
      { decision: "reject", reason: "El precio no incluye el flete a Jalisco." },
      as("shcp_contract_admin"),
    )
    expect(good.body.offer_request).toEqual(
      expect.objectContaining({ status: "rejected", reason: "El precio no incluye el flete a Jalisco." }),
    )
  })

  it("compares offers side by side for an enrolled unit, and hides the contract from others", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "52.00")
    await approvedOffer(itemId, world().orgs.supplier2, "47.35")
    const page = await get(`/store/catalog/items/${itemId}`, as("requiring_unit"))
    expect(page.status).toBe(200)
    expect(page.body.buyer_state).toBe("CMX")
    expect(
      page.body.offers.map((o: { price: string; supplier: { sme: boolean }; delivery_days: number }) => [
        o.price,
        o.supplier.sme,
        o.delivery_days,
      ]),
    ).toEqual([
      ["47.35", false, 3],
      ["52", true, 3],
    ])
    const tree = await get("/store/catalog/classifier", as("requiring_unit"))
    expect(tree.body.classifier[0]).toEqual(expect.objectContaining({ code: "44000000", count: 1 }))

    const outsider = world().otherAgencyActor.token
    const hidden = await get(`/store/catalog/items/${itemId}`, outsider)
    expect(hidden.status).toBe(404)
    expect(hidden.body.code).toBe("ARTICULO_NO_DISPONIBLE")
    expect((await get("/store/catalog/classifier", outsider)).body.classifier).toEqual([])
    expect((await get("/store/catalog/items", outsider)).body.count).toBe(0)
  })

  it("takes a sanctioned supplier's offers out of the store at once", async () => {
    const { itemId } = await publishedContract()
    await approvedOffer(itemId, world().orgs.supplier, "52.00")
    await approvedOffer(itemId, world().orgs.supplier2, "47.35")
    const rfc =
      "OFI991105" +
      "3K" +
      (await (async () => {
        const query = container().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({ entity: "organization", fields: ["rfc"], filters: { id: world().orgs.supplier2 } })
        return data[0].rfc.slice(-1)
      })())
    const csv = `RFC,Nombre,Tipo de sanción,Autoridad,Fecha inicio,Fecha fin,Motivo\n${rfc},Ofimex,Inhabilitación,SABG,2026-01-15,2028-01-15,Prueba\nMALO,X,Y,Z,2026-01-01,,`
    expect((await post("/admin/sanctions/import", { csv }, as("shcp_planning"))).status).toBe(403)
    const imported = await post("/admin/sanctions/import", { csv }, as("shcp_contract_admin"))
    expect(imported.body).toEqual(expect.objectContaining({ created: 1, rejected: [expect.objectContaining({ row: 3 })] }))
    const page = await get(`/store/catalog/items/${itemId}`, as("requiring_unit"))
    expect(page.body.offers.map((o: { supplier: { id: string } }) => o.supplier.id)).toEqual([world().orgs.supplier])
  })

  const failAtEnd = <T>(wf: T) => {
    ;(wf as unknown as { addAction: (n: string, h: unknown, o: unknown) => void }).addAction(
      "fail-at-end",
      {
        invoke: async () => {
          throw new Error("fallo inducido por la prueba")
        },
      },
      { noCompensation: true },
    )
    return wf
  }

  it("rolls back an approval: no offer, no price, the request still pending", async () => {
    const { itemId } = await publishedContract()
    const req = await post("/supplier/offer-requests", { item_id: itemId, price: "50.00", delivery_days: { CMX: 3 } }, as("supplier_user"))
    const wf = failAtEnd(reviewOfferRequestWorkflow(container()))
    const { transaction } = await wf.run({
      throwOnError: false,
      input: { request_id: req.body.offer_request.id, decision: "approve", reviewer: "test", at: new Date().toISOString() },
    })
    expect(transaction.getFlow().state).toBe("reverted")
    expect(await count("offer")).toBe(0)
    expect(await count("offer_price")).toBe(0)
    const queue = await get("/admin/offer-requests", as("shcp_contract_admin"))
    expect(queue.body.offer_requests.map((r: { status: string }) => r.status)).toEqual(["pending"])
  })

  it("rolls back a new contract with its lots, items and first version", async () => {
    await post("/admin/classifier/import", { csv: CLASSIFIER_CSV }, as("shcp_planning"))
    await post(
      "/admin/classifier/crosswalk",
      { unspsc_code: "44121704", partida: "21101", partida_title: "Materiales y útiles de oficina" },
      as("shcp_planning"),
    )
    const wf = failAtEnd(createFrameworkContractWorkflow(container()))
    const { transaction } = await wf.run({ throwOnError: false, input: contractBody([pen]) as never })
    expect(transaction.getFlow().state).toBe("reverted")
    for (const entity of ["framework_contract", "framework_lot", "framework_item", "contract_version"]) {
      expect(await count(entity)).toBe(0)
    }
  })
})
