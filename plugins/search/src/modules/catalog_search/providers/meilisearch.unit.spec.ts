import { toCents } from "../documents"
import type { SearchDocumentInput, SearchQuery } from "../types"
import { MeilisearchProvider } from "./meilisearch"

/** A fake of the official client's surface: records calls, answers tasks. */
function fakeClient(taskStatus = "succeeded") {
  const calls: { method: string; args: unknown[] }[] = []
  const task = (method: string, args: unknown[]) => {
    calls.push({ method, args })
    return Object.assign(Promise.resolve({ taskUid: calls.length }), {
      waitTask: async () => ({ status: taskStatus, error: taskStatus === "failed" ? { message: "boom", code: "x" } : null }),
    })
  }
  const source = {
    id: "i1",
    contract_id: "c1",
    offers: [
      { supplier_id: "s1", supplier_name: "S1", price: "10", price_cents: 1000, delivery_days: { CMX: 2 }, sme: false },
      { supplier_id: "s2", supplier_name: "S2", price: "9", price_cents: 900, delivery_days: { CMX: 1 }, sme: true },
    ],
  }
  const index = {
    updateSettings: (...a: unknown[]) => task("updateSettings", a),
    addDocuments: (...a: unknown[]) => task("addDocuments", a),
    deleteDocuments: (...a: unknown[]) => task("deleteDocuments", a),
    getDocuments: async (...a: unknown[]) => (calls.push({ method: "getDocuments", args: a }), { results: [] }),
    search: async (...a: unknown[]) => {
      calls.push({ method: "search", args: a })
      return {
        hits: [{ source }],
        totalHits: 1,
        facetDistribution: { supplier_ids: { s1: 1, s2: 1 }, segment_facet: { "44000000|Equipos": 1 } },
      }
    },
  }
  return { calls, client: async () => ({ index: () => index, createIndex: (...a: unknown[]) => task("createIndex", a) }) }
}

const query: SearchQuery = {
  q: "boligrafo",
  contract_ids: ["c1"],
  allowed_keys: ["c1:s1"],
  state_code: "CMX",
  filters: { supplier: ["s1"], sme: true },
  sort: "price_asc",
  limit: 20,
  offset: 0,
}

describe("meilisearch provider", () => {
  it("configures the index once, then filters every search by scope and eligible offers", async () => {
    const fake = fakeClient()
    const provider = new MeilisearchProvider({ host: "http://meili" }, fake.client as never)
    const res = await provider.search(query)
    await provider.search(query)
    expect(fake.calls.filter((c) => c.method === "updateSettings")).toHaveLength(1)
    const settings = fake.calls.find((c) => c.method === "updateSettings")!.args[0] as Record<string, unknown>
    expect(settings).toEqual(
      expect.objectContaining({
        stopWords: expect.arrayContaining(["de", "para"]),
        synonyms: expect.objectContaining({ boligrafo: ["pluma", "lapicero"] }),
      }),
    )
    const [q, params] = fake.calls.find((c) => c.method === "search")!.args as [string, { filter: string[]; sort: string[] }]
    expect(q).toBe("boligrafo")
    expect(params.filter).toEqual(['contract_id IN ["c1"]', 'offer_keys IN ["c1:s1"]', 'supplier_ids IN ["s1"]', "sme = true"])
    expect(params.sort).toEqual(["min_cents:asc", "name:asc"])
    // the ineligible supplier s2 is gone from offers and from the supplier facet
    expect(res.hits[0].offers.map((o) => o.supplier_id)).toEqual(["s1"])
    expect(res.hits[0].min_price).toBe("10")
    expect(res.facets.supplier.map((f) => f.value)).toEqual(["s1"])
    expect(res.facets.segment).toEqual([{ value: "44000000", label: "Equipos", count: 1 }])
  })

  it("writes documents in batches and fails loudly when a task fails", async () => {
    const doc = {
      id: "i1",
      contract_id: "c1",
      contract_number: "CM",
      contract_title: "T",
      offers: [{ supplier_id: "s1", price_cents: toCents("5"), delivery_days: {}, sme: false }],
    } as unknown as SearchDocumentInput
    const ok = fakeClient()
    await new MeilisearchProvider({ host: "h" }, ok.client as never).upsert(
      Array.from({ length: 1500 }, (_, i) => ({ ...doc, id: `i${i}` })),
      new Date(),
    )
    expect(ok.calls.filter((c) => c.method === "addDocuments").map((c) => (c.args[0] as unknown[]).length)).toEqual([1000, 500])
    const bad = fakeClient("failed")
    await expect(new MeilisearchProvider({ host: "h" }, bad.client as never).upsert([doc], new Date())).rejects.toThrow(/Meilisearch/)
  })
})
