import request from "supertest"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  importClassifierWorkflow,
  reviewOfferRequestWorkflow,
  setCrosswalkWorkflow,
  submitOfferRequestWorkflow,
} from "@tienda/framework-contracts/workflows"
import { syncSearchIndexWorkflow } from "@tienda/search/workflows"
import { describeApp } from "../../utils/runner"

// @redis: event bus (catalog-changed subscriber keeps the index fresh) and the cache
// @redis-tests: after their events|serves repeated searches|never shows a sanctioned supplier

/**
 * Provider-agnostic contract of GET /store/catalog/search: the same file runs
 * against PostgreSQL (default) and, with MEILISEARCH_HOST set, against
 * Meilisearch (docs/search.md). Every eligibility rule is checked on the
 * results: no test may see an offer the caller could not buy.
 */
describeApp(`catalog search (${process.env.MEILISEARCH_HOST ? "meilisearch" : "postgres"})`, ({ world, baseUrl, container }) => {
  const as = (role: keyof ReturnType<typeof world>["actors"]) => world().actors[role].token
  const post = (path: string, body: object, token: string) =>
    request(baseUrl()).post(path).set("authorization", `Bearer ${token}`).send(body)
  const get = (path: string, token: string) =>
    request(baseUrl()).get(path).set("authorization", `Bearer ${token}`).set("x-publishable-api-key", world().publishableKey)
  const search = (qs: string, token = as("requiring_unit")) => get(`/store/catalog/search?${qs}`, token)
  const names = (res: request.Response) => res.body.items.map((i: { name: string }) => i.name)
  const supplierIdsIn = (res: request.Response) =>
    new Set(res.body.items.flatMap((i: { offers: { supplier_id: string }[] }) => i.offers.map((o) => o.supplier_id)))

  /** Polls (bounded, sized for a slow machine) until the condition holds; returns the last response. */
  async function eventually(qs: string, ok: (r: request.Response) => boolean, token = as("requiring_unit")) {
    let res = await search(qs, token)
    for (let i = 0; i < 300 && !ok(res); i++) {
      await new Promise((r) => setTimeout(r, 200))
      res = await search(qs, token)
    }
    return res
  }

  const UPPER = [
    ["14000000", "segment", null, "Materiales y productos de papel"],
    ["14110000", "family", "14000000", "Productos de papel"],
    ["14111500", "class", "14110000", "Papel de imprenta y papel de escribir"],
    ["44000000", "segment", null, "Equipos de oficina, accesorios y suministros"],
    ["44120000", "family", "44000000", "Suministros de oficina"],
    ["44121700", "class", "44120000", "Instrumentos de escritura"],
  ] as const
  const COMMODITIES = [
    ["44121704", "44121700", "Bolígrafos", "Ball point pens"],
    ["44121706", "44121700", "Lápices de madera", "Wooden pencils"],
    ["14111507", "14111500", "Papel para impresora o fotocopiadora", "Printer or copier paper"],
  ] as const
  const item = (code: string, name: string, unspsc: string, ceiling: string) => ({
    code,
    name,
    description: `${name}. Artículo de oficina para dependencias.`,
    unspsc_code: unspsc,
    sat_clave_unidad: "XBX",
    ceiling_price: ceiling,
    delivery_states: ["CMX", "JAL"],
  })
  const ITEMS = [
    item("AM-001", "Bolígrafo tinta azul punto mediano, caja con 12", "44121704", "60.00"),
    item("AM-002", "Bolígrafo tinta negra punto fino, caja con 12", "44121704", "60.00"),
    item("AM-003", "Lápiz de grafito HB No. 2, caja con 12", "44121706", "40.00"),
    item("AM-004", "Papel bond carta 75 g, caja con 10 paquetes de 500", "14111507", "700.00"),
    item("AM-005", "Lápiz bicolor rojo y azul, caja con 12", "44121706", "45.00"),
  ]

  let counter = 0
  /** A published contract with ITEMS, both suppliers and unit SSA-AR01 enrolled. */
  async function contract(opts: { valid_until?: string; suppliers?: string[] } = {}) {
    const c = container()
    await importClassifierWorkflow(c).run({
      input: {
        version: "test",
        rows: [
          ...UPPER.map(([code, level, parent, es]) => ({ code, level, parent_code: parent, title_es: es, title_en: es })),
          ...COMMODITIES.map(([code, parent, es, en]) => ({
            code,
            level: "commodity" as const,
            parent_code: parent,
            title_es: es,
            title_en: en,
          })),
        ],
      },
    })
    const query = c.resolve(ContainerRegistrationKeys.QUERY)
    const { data: xw } = await query.graph({ entity: "cog_crosswalk", fields: ["unspsc_code"], filters: { valid_until: null } })
    for (const [code] of COMMODITIES.filter(([code]) => !xw.some((w) => w.unspsc_code === code))) {
      await setCrosswalkWorkflow(c).run({
        input: {
          unspsc_code: code,
          partida: "21101",
          partida_title: "Materiales y útiles de oficina",
          changed_by: "test",
          at: "2026-01-01T00:00:00Z",
        },
      })
    }
    counter++
    const created = await post(
      "/admin/framework-contracts",
      {
        number: `CM-BUS-2026-${String(counter).padStart(3, "0")}`,
        title: "Contrato marco de materiales y útiles de oficina",
        legal_basis: "Art. 17 LAASSP; Art. 14 RLAASSP",
        valid_from: "2026-01-01",
        valid_until: opts.valid_until ?? "2027-12-31",
        min_amount: "1000000.00",
        max_amount: "50000000.00",
        lots: [{ number: 1, title: "Papelería", competition_threshold: "300000.00", items: ITEMS }],
      },
      as("shcp_contract_admin"),
    )
    expect(created.status).toBe(201)
    const id = created.body.framework_contract.id as string
    const items = Object.fromEntries(
      created.body.framework_contract.lots[0].items.map((i: { code: string; id: string }) => [i.code, i.id]),
    ) as Record<string, string>
    const suppliers = opts.suppliers ?? [world().orgs.supplier, world().orgs.supplier2]
    expect(
      (
        await post(
          `/admin/framework-contracts/${id}/suppliers`,
          { supplier_ids: suppliers, valid_from: "2026-01-01" },
          as("shcp_contract_admin"),
        )
      ).status,
    ).toBe(200)
    expect(
      (await post(`/admin/framework-contracts/${id}/units`, { unit_ids: [world().units["SSA-AR01"]] }, as("shcp_contract_admin"))).status,
    ).toBe(200)
    expect((await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, as("shcp_contract_admin"))).status).toBe(200)
    return { id, items }
  }

  async function offer(itemId: string, supplierId: string, price: string, days: Record<string, number> = { CMX: 3, JAL: 5 }) {
    const { result } = await submitOfferRequestWorkflow(container()).run({
      input: { supplier_id: supplierId, item_id: itemId, price, min_order_qty: 1, delivery_days: days, requested_by: "test" },
    })
    await reviewOfferRequestWorkflow(container()).run({
      input: { request_id: result.id, decision: "approve", reviewer: "test", at: new Date().toISOString() },
    })
  }

  /** Contract with offers: supplier (SME) on every item, supplier2 cheaper on pens and only one on paper. */
  async function catalog() {
    const c = await contract()
    const { supplier, supplier2 } = world().orgs
    await offer(c.items["AM-001"], supplier, "52.00", { CMX: 2, JAL: 4 })
    await offer(c.items["AM-001"], supplier2, "47.35", { CMX: 5, JAL: 5 })
    await offer(c.items["AM-002"], supplier, "55.10", { CMX: 4 })
    await offer(c.items["AM-003"], supplier, "30.00", { CMX: 1 })
    await offer(c.items["AM-004"], supplier2, "650.00", { CMX: 3 })
    // AM-005 has no offer: nothing can be bought, it is not a result
    await syncSearchIndexWorkflow(container()).run({ input: { contract_id: c.id } })
    return c
  }

  async function sanction(supplierId: string) {
    const query = container().resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "organization", fields: ["rfc", "legal_name"], filters: { id: supplierId } })
    const res = await post(
      "/admin/sanctions",
      {
        sanctions: [
          {
            supplier_rfc: data[0].rfc,
            supplier_name: data[0].legal_name,
            type: "Inhabilitación",
            authority: "SABG",
            starts_on: "2026-01-15",
            ends_on: "2029-01-15",
          },
        ],
      },
      as("shcp_contract_admin"),
    )
    expect(res.status).toBe(201)
  }

  it("finds pens typed without accents, with accents and misspelled", async () => {
    await catalog()
    const plain = await search("q=boligrafo%20azul")
    expect(plain.status).toBe(200)
    expect(names(plain)[0]).toBe("Bolígrafo tinta azul punto mediano, caja con 12")
    for (const q of ["bolígrafo", "BOLIGRAFOS", "boligrfo", "pluma"]) {
      const res = await search(`q=${encodeURIComponent(q)}`)
      expect(names(res).sort()).toEqual([
        "Bolígrafo tinta azul punto mediano, caja con 12",
        "Bolígrafo tinta negra punto fino, caja con 12",
      ])
    }
    expect((await search("q=boligrfo")).body.query.corrected).toMatch(/^boligraf/)
    expect((await search("q=papel%20bond")).body.items.map((i: { code: string }) => i.code)).toEqual(["AM-004"])
    expect((await search("q=44121706")).body.items.map((i: { code: string }) => i.code)).toEqual(["AM-003"])
    expect((await search("q=xylofono")).body.count).toBe(0)
  })

  it("carries classification, contract and eligible offers in each result", async () => {
    const c = await catalog()
    const res = await search("q=boligrafo%20azul")
    const hit = res.body.items[0]
    expect(hit).toEqual(
      expect.objectContaining({
        code: "AM-001",
        cog_partida: "21101",
        min_price: "47.35",
        max_price: "52",
        sme: true,
        delivery_days: 2,
        contract: expect.objectContaining({ id: c.id, number: expect.stringMatching(/^CM-BUS-2026-/) }),
        unspsc: expect.objectContaining({
          code: "44121704",
          title: "Bolígrafos",
          segment: { code: "44000000", title: "Equipos de oficina, accesorios y suministros" },
          family: { code: "44120000", title: "Suministros de oficina" },
          class: { code: "44121700", title: "Instrumentos de escritura" },
        }),
      }),
    )
    expect(hit.offers.map((o: { price: string }) => o.price)).toEqual(["47.35", "52"])
    expect(res.body.buyer_state).toBe("CMX")
  })

  it("answers facets, sorts by price and delivery, and paginates", async () => {
    await catalog()
    const all = await search("")
    expect(all.body.count).toBe(4)
    const facet = (name: string) =>
      Object.fromEntries(all.body.facets[name].map((f: { value: string; count: number }) => [f.value, f.count]))
    expect(facet("segment")).toEqual({ "44000000": 3, "14000000": 1 })
    expect(facet("class")).toEqual({ "44121700": 3, "14111500": 1 })
    expect(facet("supplier")).toEqual({ [world().orgs.supplier]: 3, [world().orgs.supplier2]: 2 })
    expect(
      all.body.facets.supplier.map((f: { label: string }) => f.label).every((l: string) => l.length > 3 && !l.startsWith("org_")),
    ).toBe(true)
    expect(facet("zone")).toEqual({ CMX: 4, JAL: 1 })
    expect(all.body.facets.price.map((f: { value: string; count: number }) => [f.value, f.count])).toEqual([
      ["0-50", 2],
      ["50-100", 1],
      ["500-1000", 1],
    ])

    const codes = (r: request.Response) => r.body.items.map((i: { code: string }) => i.code)
    expect(codes(await search("sort=price_asc"))).toEqual(["AM-003", "AM-001", "AM-002", "AM-004"])
    expect(codes(await search("sort=price_desc"))).toEqual(["AM-004", "AM-002", "AM-001", "AM-003"])
    expect(codes(await search("sort=delivery"))).toEqual(["AM-003", "AM-001", "AM-004", "AM-002"])
    const page = await search("sort=price_asc&limit=2&offset=2")
    expect(codes(page)).toEqual(["AM-002", "AM-004"])
    expect(page.body).toEqual(expect.objectContaining({ count: 4, limit: 2, offset: 2 }))
  })

  it("filters by facet values", async () => {
    await catalog()
    const codes = async (qs: string) => (await search(qs)).body.items.map((i: { code: string }) => i.code).sort()
    expect(await codes(`supplier=${world().orgs.supplier2}`)).toEqual(["AM-001", "AM-004"])
    expect(await codes("class=44121700")).toEqual(["AM-001", "AM-002", "AM-003"])
    expect(await codes("segment=14000000")).toEqual(["AM-004"])
    expect(await codes("q=boligrafo&price_max=50")).toEqual(["AM-001"])
    expect(await codes("price_min=100")).toEqual(["AM-004"])
    expect(await codes("zone=JAL")).toEqual(["AM-001"])
    expect(await codes("sme=false")).toEqual(["AM-004"])
  })

  it("never shows a sanctioned supplier, from the moment of the sanction", async () => {
    await catalog()
    const supplier2 = world().orgs.supplier2
    expect(supplierIdsIn(await search(""))).toContain(supplier2)
    await sanction(supplier2)
    // no waiting: eligibility is decided at query time
    const after = await search("")
    expect(supplierIdsIn(after)).not.toContain(supplier2)
    expect(after.body.items.map((i: { code: string }) => i.code).sort()).toEqual(["AM-001", "AM-002", "AM-003"])
    expect(after.body.facets.supplier.map((f: { value: string }) => f.value)).toEqual([world().orgs.supplier])
    const pens = await search("q=boligrafo%20azul")
    expect(pens.body.items[0]).toEqual(expect.objectContaining({ min_price: "52", max_price: "52" }))
    expect((await search(`supplier=${supplier2}`)).body.count).toBe(0)
    expect((await search("sort=price_asc")).body.items[0].offers.every((o: { supplier_id: string }) => o.supplier_id !== supplier2)).toBe(
      true,
    )
    expect((await get("/store/catalog/search/suggest?q=bond", as("requiring_unit"))).body.suggestions).toEqual([])
  })

  it("shows nothing of a contract to a unit that is not enrolled", async () => {
    await catalog()
    const outsider = world().otherAgencyActor.token
    const res = await search("q=boligrafo", outsider)
    expect(res.status).toBe(200)
    expect(res.body).toEqual(expect.objectContaining({ count: 0, items: [] }))
    expect((await search("", outsider)).body.count).toBe(0)
    expect((await get("/store/catalog/search/suggest?q=bolig", outsider)).body.suggestions).toEqual([])
  })

  it("excludes suspended and expired contracts", async () => {
    const c = await catalog()
    expect((await search("")).body.count).toBe(4)
    expect((await post(`/admin/framework-contracts/${c.id}/status`, { status: "suspended" }, as("shcp_contract_admin"))).status).toBe(200)
    expect((await search("")).body.count).toBe(0)
    expect((await post(`/admin/framework-contracts/${c.id}/status`, { status: "published" }, as("shcp_contract_admin"))).status).toBe(200)
    expect((await search("")).body.count).toBe(4)
    expect((await post(`/admin/framework-contracts/${c.id}/status`, { status: "expired" }, as("shcp_contract_admin"))).status).toBe(200)
    expect((await search("")).body.count).toBe(0)

    // published, but its term ended
    const old = await contract({ valid_until: "2026-02-01" })
    await offer(old.items["AM-001"], world().orgs.supplier, "50.00").catch(() => undefined)
    await syncSearchIndexWorkflow(container()).run({ input: { contract_id: old.id } })
    expect((await search("q=boligrafo")).body.count).toBe(0)
  })

  it("makes an approved offer and a price change searchable after their events", async () => {
    const c = await catalog()
    expect(names(await search("q=bicolor"))).toEqual([])
    // the approval emits framework_contract.offer_changed; the subscriber reindexes the item
    await offer(c.items["AM-005"], world().orgs.supplier, "41.00")
    const found = await eventually("q=bicolor", (r) => r.body.count === 1)
    expect(found.body.items[0]).toEqual(expect.objectContaining({ code: "AM-005", min_price: "41" }))

    await offer(c.items["AM-004"], world().orgs.supplier2, "610.00")
    const cheaper = await eventually("q=papel", (r) => r.body.items[0]?.min_price === "610")
    expect(cheaper.body.items[0].min_price).toBe("610")
  })

  it("suggests categories and items as the buyer types", async () => {
    await catalog()
    const res = await get("/store/catalog/search/suggest?q=bolig", as("requiring_unit"))
    expect(res.status).toBe(200)
    expect(res.body.suggestions[0]).toEqual({ text: "Bolígrafos", kind: "category", id: "44121704" })
    expect(
      res.body.suggestions
        .filter((s: { kind: string }) => s.kind === "item")
        .map((s: { text: string }) => s.text)
        .sort(),
    ).toEqual(["Bolígrafo tinta azul punto mediano, caja con 12", "Bolígrafo tinta negra punto fino, caja con 12"])
    const typo = await get("/store/catalog/search/suggest?q=lapis", as("requiring_unit"))
    expect(typo.body.suggestions.map((s: { text: string }) => s.text)).toContain("Lápiz de grafito HB No. 2, caja con 12")
  })

  it("serves repeated searches from its caches, yet sees any write to the catalog at once, whoever makes it", async () => {
    const c = await catalog()
    const supplier2 = world().orgs.supplier2
    const first = await search("q=boligrafo%20azul")
    expect(first.body.items[0]).toEqual(expect.objectContaining({ min_price: "47.35" }))
    expect((await search("q=boligrafo%20azul")).body).toEqual(first.body)
    const pg = container().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    // another process (or a DBA) suspends supplier2's enrolment: no workflow, no event
    await pg.raw(`UPDATE fc_supplier_enrolment SET status = 'suspended' WHERE contract_id = ? AND supplier_id = ?`, [c.id, supplier2])
    const suspended = await search("q=boligrafo%20azul")
    expect(suspended.body.items[0]).toEqual(expect.objectContaining({ min_price: "52", max_price: "52" }))
    expect(supplierIdsIn(suspended)).not.toContain(supplier2)
    await pg.raw(`UPDATE fc_supplier_enrolment SET status = 'active' WHERE contract_id = ? AND supplier_id = ?`, [c.id, supplier2])
    expect((await search("q=boligrafo%20azul")).body.items[0]).toEqual(expect.objectContaining({ min_price: "47.35" }))
    // the index itself changes under the cache: the item disappears from the next answer
    await pg.raw(`DELETE FROM search_document WHERE name LIKE 'Bolígrafo tinta azul%'`)
    expect(names(await search("q=boligrafo%20azul"))).not.toContain("Bolígrafo tinta azul punto mediano, caja con 12")
  })

  it("validates the query with Spanish messages and refuses other actors", async () => {
    const bad = await search("sort=cheapest")
    expect(bad.status).toBe(400)
    expect(bad.body.code).toBe("DATOS_INVALIDOS")
    expect(bad.body.message).toContain("sort")
    const seg = await search("segment=4412")
    expect(seg.status).toBe(400)
    expect(seg.body.message).toContain("«segment.0»")
    const range = await search("price_min=100&price_max=10")
    expect(range.status).toBe(400)
    expect(range.body.code).toBe("RANGO_DE_PRECIO_INVALIDO")
    expect((await search("unknown=1")).status).toBe(400)
    expect((await get("/store/catalog/search/suggest", as("requiring_unit"))).status).toBe(400)
    const supplier = await search("q=x", as("supplier_user"))
    expect([401, 403]).toContain(supplier.status)
    expect((await request(baseUrl()).get("/store/catalog/search?q=x").set("x-publishable-api-key", world().publishableKey)).status).toBe(
      401,
    )
  })
})
