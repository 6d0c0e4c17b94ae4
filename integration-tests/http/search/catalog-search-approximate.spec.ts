import request from "supertest"
import {
  importClassifierWorkflow,
  reviewOfferRequestWorkflow,
  setCrosswalkWorkflow,
  submitOfferRequestWorkflow,
} from "@tienda/framework-contracts/workflows"
import { syncSearchIndexWorkflow } from "@tienda/search/workflows"
import { describeApp } from "../../utils/runner"

/**
 * Facet counts of large answers (docs/search.md, "Cost of a search"): up to
 * SEARCH_FACET_EXACT_LIMIT results they are exact; above it they are counted
 * over that many results and scaled, and the answer says they are
 * approximate (the storefront shows "aprox."). The total and the results
 * stay exact. Here the limit is 2, so four results are "many".
 */
/** Meilisearch counts its facets itself (exactly): the same answers, never flagged. */
const postgres = !process.env.MEILISEARCH_HOST

// backend/medusa-config.ts reads it when the runner loads the config, which happens
// before describeApp's `env` is applied: set it for this file's process first
process.env.SEARCH_FACET_EXACT_LIMIT = "2"

describeApp(
  `catalog search: approximate facet counts of large answers (${postgres ? "postgres" : "meilisearch"})`,
  ({ world, baseUrl, container }) => {
    const as = (role: keyof ReturnType<typeof world>["actors"]) => world().actors[role].token
    const post = (path: string, body: object, token: string) =>
      request(baseUrl()).post(path).set("authorization", `Bearer ${token}`).send(body)
    const search = (qs: string) =>
      request(baseUrl())
        .get(`/store/catalog/search?${qs}`)
        .set("authorization", `Bearer ${as("requiring_unit")}`)
        .set("x-publishable-api-key", world().publishableKey)

    const item = (code: string, name: string, unspsc: string, ceiling: string) => ({
      code,
      name,
      description: `${name}. Artículo de oficina para dependencias.`,
      unspsc_code: unspsc,
      sat_clave_unidad: "XBX",
      ceiling_price: ceiling,
      delivery_states: ["CMX", "JAL"],
    })

    async function catalog() {
      const c = container()
      await importClassifierWorkflow(c).run({
        input: {
          version: "test",
          rows: [
            { code: "14000000", level: "segment", parent_code: null, title_es: "Materiales y productos de papel", title_en: "Paper" },
            { code: "14110000", level: "family", parent_code: "14000000", title_es: "Productos de papel", title_en: "Paper products" },
            { code: "14111500", level: "class", parent_code: "14110000", title_es: "Papel de imprenta", title_en: "Printing paper" },
            { code: "14111507", level: "commodity", parent_code: "14111500", title_es: "Papel para impresora", title_en: "Printer paper" },
            { code: "44000000", level: "segment", parent_code: null, title_es: "Equipos de oficina", title_en: "Office equipment" },
            { code: "44120000", level: "family", parent_code: "44000000", title_es: "Suministros de oficina", title_en: "Office supplies" },
            { code: "44121700", level: "class", parent_code: "44120000", title_es: "Instrumentos de escritura", title_en: "Writing" },
            { code: "44121704", level: "commodity", parent_code: "44121700", title_es: "Bolígrafos", title_en: "Pens" },
          ],
        },
      })
      for (const code of ["14111507", "44121704"]) {
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
      const created = await post(
        "/admin/framework-contracts",
        {
          number: "CM-APX-2026-001",
          title: "Contrato marco de materiales y útiles de oficina",
          legal_basis: "Art. 17 LAASSP; Art. 14 RLAASSP",
          valid_from: "2026-01-01",
          valid_until: "2027-12-31",
          min_amount: "1000000.00",
          max_amount: "50000000.00",
          lots: [
            {
              number: 1,
              title: "Papelería",
              competition_threshold: "300000.00",
              items: [
                item("AP-001", "Bolígrafo tinta azul, caja con 12", "44121704", "60.00"),
                item("AP-002", "Bolígrafo tinta negra, caja con 12", "44121704", "60.00"),
                item("AP-003", "Bolígrafo tinta roja, caja con 12", "44121704", "60.00"),
                item("AP-004", "Papel bond carta, caja con 10 paquetes", "14111507", "700.00"),
              ],
            },
          ],
        },
        as("shcp_contract_admin"),
      )
      expect(created.status).toBe(201)
      const id = created.body.framework_contract.id as string
      const items = created.body.framework_contract.lots[0].items as { id: string; code: string }[]
      const admin = as("shcp_contract_admin")
      expect(
        (
          await post(
            `/admin/framework-contracts/${id}/suppliers`,
            { supplier_ids: [world().orgs.supplier], valid_from: "2026-01-01" },
            admin,
          )
        ).status,
      ).toBe(200)
      expect((await post(`/admin/framework-contracts/${id}/units`, { unit_ids: [world().units["SSA-AR01"]] }, admin)).status).toBe(200)
      expect((await post(`/admin/framework-contracts/${id}/status`, { status: "published" }, admin)).status).toBe(200)
      for (const it of items) {
        const { result } = await submitOfferRequestWorkflow(container()).run({
          input: {
            supplier_id: world().orgs.supplier,
            item_id: it.id,
            price: it.code === "AP-004" ? "650.00" : it.code === "AP-003" ? "50.00" : "45.00",
            min_order_qty: 1,
            delivery_days: { CMX: 3 },
            requested_by: "test",
          },
        })
        await reviewOfferRequestWorkflow(container()).run({
          input: { request_id: result.id, decision: "approve", reviewer: "test", at: new Date().toISOString() },
        })
      }
      await syncSearchIndexWorkflow(container()).run({ input: { contract_id: id } })
    }

    const sum = (values: { count: number }[]) => values.reduce((n, v) => n + v.count, 0)

    it("says the facet counts are approximate above the limit, and keeps the total and the results exact", async () => {
      await catalog()
      const many = await search("q=caja")
      expect(many.status).toBe(200)
      expect(many.body.count).toBe(4)
      expect(many.body.items.map((i: { code: string }) => i.code).sort()).toEqual(["AP-001", "AP-002", "AP-003", "AP-004"])
      expect(many.body.facets_approximate).toBe(postgres)
      // (postgres) two results counted, scaled by 4 / 2: estimates, never above the total
      expect(sum(many.body.facets.segment)).toBe(4)
      for (const values of Object.values(many.body.facets) as { count: number }[][]) {
        for (const v of values) {
          expect(v.count).toBeGreaterThanOrEqual(1)
          expect(v.count).toBeLessThanOrEqual(4)
        }
      }
      // a page of the same answer: same total, still flagged
      const page = await search("q=caja&sort=price_asc&limit=2&offset=2")
      expect(page.body).toEqual(expect.objectContaining({ count: 4, facets_approximate: postgres }))
      expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(["AP-003", "AP-004"])
    })

    it("counts facets exactly when the answer is within the limit", async () => {
      await catalog()
      const exact = await search("q=bond")
      expect(exact.body).toEqual(expect.objectContaining({ count: 1, facets_approximate: false }))
      expect(exact.body.facets.segment).toEqual([expect.objectContaining({ value: "14000000", count: 1 })])
      // at the limit (two results): still exact
      const two = await search("q=boligrafo&price_max=45")
      expect(two.body).toEqual(expect.objectContaining({ count: 2, facets_approximate: false }))
      expect(two.body.facets.class).toEqual([expect.objectContaining({ value: "44121700", count: 2 })])
      // one more result: estimates
      const three = await search("q=boligrafo")
      expect(three.body).toEqual(expect.objectContaining({ count: 3, facets_approximate: postgres }))
      expect(exact.body.facets.price).toEqual([expect.objectContaining({ value: "500-1000", count: 1 })])
    })
  },
  { env: { SEARCH_FACET_EXACT_LIMIT: "2" } },
)
