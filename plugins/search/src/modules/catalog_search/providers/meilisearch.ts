import { MedusaError } from "@medusajs/framework/utils"
import { derive, priceBucketOf, toHit, words } from "../documents"
import { STOP_WORDS, SYNONYMS } from "../language"
import type { SearchDocumentInput, SearchProvider, SearchQuery, SearchResult, Suggestion } from "../types"
import { facetsFromRows, type FacetRow } from "./facets"
import { suggestionsFrom } from "./postgres"

export type MeilisearchOptions = { host: string; apiKey?: string; index?: string }

/** The slice of the official `meilisearch` client (0.5x/0.6x) this provider uses. */
type Task = { status: string; error?: { message?: string; code?: string } | null }
type Enqueued = Promise<unknown> & { waitTask: (o?: { timeout?: number; interval?: number }) => Promise<Task> }
type MeiliSearchResponse = {
  hits: Record<string, unknown>[]
  estimatedTotalHits?: number
  totalHits?: number
  facetDistribution?: Record<string, Record<string, number>>
}
type Index = {
  updateSettings: (settings: Record<string, unknown>) => Enqueued
  addDocuments: (docs: object[], options?: { primaryKey?: string }) => Enqueued
  deleteDocuments: (params: string[] | { filter: string }) => Enqueued
  getDocuments: (params: {
    filter?: string
    fields?: string[]
    limit?: number
    offset?: number
  }) => Promise<{ results: Record<string, unknown>[] }>
  search: (q: string | null, params: Record<string, unknown>) => Promise<MeiliSearchResponse>
}
type Client = { index: (uid: string) => Index; createIndex: (uid: string, options: { primaryKey: string }) => Enqueued }

const BATCH = 1000
const WAIT = { timeout: 60_000, interval: 25 }
const FACETS = ["segment_facet", "family_facet", "class_facet", "contract_facet", "supplier_ids", "sme", "zones", "price_bucket"]

const q = (v: string) => JSON.stringify(v)
const inList = (attr: string, values: string[]) => `${attr} IN [${values.map(q).join(", ")}]`

async function done(task: Enqueued, what: string) {
  const t = await task.waitTask(WAIT)
  if (t.status !== "succeeded") {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Meilisearch: ${what} terminó en estado ${t.status}: ${t.error?.message ?? "sin detalle"}`,
    )
  }
  return t
}

/**
 * Meilisearch provider (when MEILISEARCH_HOST is set). Documents carry the
 * same denormalized fields as the PostgreSQL read model; eligibility is a
 * filter on `contract_id` and `offer_keys` computed at query time, and the
 * offers shown are filtered again by the shared `toHit`. Writes are batched
 * and every task is awaited and checked.
 */
export class MeilisearchProvider implements SearchProvider {
  readonly name = "meilisearch" as const
  private ready_: Promise<Index> | null = null

  constructor(
    private readonly options: MeilisearchOptions,
    private readonly clientFactory?: () => Promise<Client>,
  ) {}

  private async client(): Promise<Client> {
    if (this.clientFactory) {
      return this.clientFactory()
    }
    const mod = (await import("meilisearch" as string)) as Record<string, new (c: { host: string; apiKey?: string }) => Client>
    const Ctor = mod.Meilisearch ?? mod.MeiliSearch
    return new Ctor({ host: this.options.host, apiKey: this.options.apiKey })
  }

  /** Creates the index (once) and applies its settings, waiting on both tasks. */
  private index(): Promise<Index> {
    if (!this.ready_) {
      this.ready_ = (async () => {
        const client = await this.client()
        const uid = this.options.index ?? "tienda_catalog"
        const created = await client.createIndex(uid, { primaryKey: "id" }).waitTask(WAIT)
        if (created.status !== "succeeded" && created.error?.code !== "index_already_exists") {
          throw new MedusaError(
            MedusaError.Types.UNEXPECTED_STATE,
            `Meilisearch: no se pudo crear el índice ${uid}: ${created.error?.message ?? created.status}`,
          )
        }
        const index = client.index(uid)
        await done(
          index.updateSettings({
            searchableAttributes: [
              "name",
              "commodity_title",
              "class_title",
              "family_title",
              "segment_title",
              "code",
              "unspsc_code",
              "cog_partida",
              "description",
              "contract_title",
            ],
            filterableAttributes: [
              "contract_id",
              "offer_keys",
              "segment_code",
              "family_code",
              "class_code",
              "supplier_ids",
              "sme",
              "zones",
              "min_cents",
              "indexed_at",
              ...FACETS,
            ],
            sortableAttributes: ["min_cents", "name", "delivery"],
            rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
            synonyms: SYNONYMS,
            stopWords: STOP_WORDS,
            typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
            faceting: { maxValuesPerFacet: 200 },
            pagination: { maxTotalHits: 100000 },
          }),
          "la configuración del índice",
        )
        return index
      })().catch((e) => {
        this.ready_ = null
        throw e
      })
    }
    return this.ready_
  }

  async upsert(docs: SearchDocumentInput[], indexedAt: Date): Promise<void> {
    const index = await this.index()
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH).map((doc) => {
        const d = derive(doc)
        return {
          id: doc.id,
          name: doc.name,
          description: doc.description,
          code: doc.code,
          unspsc_code: doc.unspsc_code,
          commodity_title: doc.commodity_title,
          class_title: doc.class_title,
          family_title: doc.family_title,
          segment_title: doc.segment_title,
          segment_code: doc.segment_code,
          family_code: doc.family_code,
          class_code: doc.class_code,
          cog_partida: doc.cog_partida,
          contract_id: doc.contract_id,
          contract_title: `${doc.contract_number} ${doc.contract_title}`,
          segment_facet: `${doc.segment_code}|${doc.segment_title}`,
          family_facet: `${doc.family_code}|${doc.family_title}`,
          class_facet: `${doc.class_code}|${doc.class_title}`,
          contract_facet: `${doc.contract_id}|${doc.contract_number} ${doc.contract_title}`,
          offer_keys: d.offer_keys,
          supplier_ids: d.supplier_ids,
          sme: d.sme_supplier_ids.length > 0,
          zones: d.zones,
          unit_ids: doc.unit_ids,
          min_cents: d.min_cents,
          price_bucket: d.min_cents === null ? null : String(priceBucketOf(d.min_cents)),
          delivery: d.delivery,
          indexed_at: indexedAt.getTime(),
          source: doc,
        }
      })
      await done(index.addDocuments(batch, { primaryKey: "id" }), "la carga de documentos")
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length) {
      await done((await this.index()).deleteDocuments(ids), "el borrado de documentos")
    }
  }

  async pruneBefore(indexedAt: Date): Promise<number> {
    const index = await this.index()
    const filter = `indexed_at < ${indexedAt.getTime()}`
    const { results } = await index.getDocuments({ filter, fields: ["id"], limit: 100000 })
    if (results.length) {
      await done(index.deleteDocuments({ filter }), "la depuración del índice")
    }
    return results.length
  }

  async get(ids: string[]): Promise<SearchDocumentInput[]> {
    if (!ids.length) {
      return []
    }
    const { results } = await (await this.index()).getDocuments({ filter: inList("id", ids), fields: ["source"], limit: ids.length })
    return results.map((r) => r.source as SearchDocumentInput)
  }

  /** Meilisearch answers fast on its own: no result cache in front of it. */
  async version(): Promise<string | null> {
    return null
  }

  async idsBySupplier(supplierIds: string[]): Promise<string[]> {
    if (!supplierIds.length) {
      return []
    }
    const { results } = await (
      await this.index()
    ).getDocuments({ filter: inList("supplier_ids", supplierIds), fields: ["id"], limit: 100000 })
    return results.map((r) => r.id as string)
  }

  private scopeFilter(query: Pick<SearchQuery, "contract_ids" | "allowed_keys">) {
    return [inList("contract_id", query.contract_ids), inList("offer_keys", query.allowed_keys)]
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    if (!query.contract_ids.length || !query.allowed_keys.length) {
      return { hits: [], count: 0, facets: facetsFromRows([]), facets_approximate: false, corrected: null }
    }
    const f = query.filters
    const filter = this.scopeFilter(query)
    for (const [key, attr] of [
      ["segment", "segment_code"],
      ["family", "family_code"],
      ["class", "class_code"],
      ["contract", "contract_id"],
      ["supplier", "supplier_ids"],
      ["zone", "zones"],
    ] as const) {
      if (f[key]?.length) {
        filter.push(inList(attr, f[key]!))
      }
    }
    if (f.sme !== undefined) {
      filter.push(`sme = ${f.sme}`)
    }
    if (f.price_min_cents !== undefined) {
      filter.push(`min_cents >= ${f.price_min_cents}`)
    }
    if (f.price_max_cents !== undefined) {
      filter.push(`min_cents <= ${f.price_max_cents}`)
    }
    const sort =
      query.sort === "price_asc"
        ? ["min_cents:asc", "name:asc"]
        : query.sort === "price_desc"
          ? ["min_cents:desc", "name:asc"]
          : query.sort === "delivery" && query.state_code
            ? [`delivery.${query.state_code}:asc`, "min_cents:asc"]
            : query.q
              ? undefined
              : ["name:asc"]
    const paged = query.offset % query.limit === 0
    const res = await (
      await this.index()
    ).search(query.q ?? "", {
      filter,
      sort,
      facets: FACETS,
      attributesToRetrieve: ["source"],
      ...(paged ? { hitsPerPage: query.limit, page: query.offset / query.limit + 1 } : { limit: query.limit, offset: query.offset }),
    })
    const allowed = new Set(query.allowed_keys)
    const suppliers = new Set(query.allowed_keys.map((k) => k.slice(k.indexOf(":") + 1)))
    const rows: FacetRow[] = []
    const facet = (name: FacetRow["facet"], attr: string, split: boolean) => {
      for (const [raw, n] of Object.entries(res.facetDistribution?.[attr] ?? {})) {
        const [value, label] = split ? [raw.slice(0, raw.indexOf("|")), raw.slice(raw.indexOf("|") + 1)] : [raw, null]
        rows.push({ facet: name, value, label, n })
      }
    }
    facet("segment", "segment_facet", true)
    facet("family", "family_facet", true)
    facet("class", "class_facet", true)
    facet("contract", "contract_facet", true)
    facet("supplier", "supplier_ids", false)
    facet("sme", "sme", false)
    facet("zone", "zones", false)
    facet("price", "price_bucket", false)
    const facets = facetsFromRows(rows)
    // an ineligible supplier may still sit in an item's index-time facet values
    facets.supplier = facets.supplier.filter((v) => suppliers.has(v.value))
    return {
      hits: res.hits.map((h) => toHit(h.source as SearchDocumentInput, allowed, query.state_code)),
      count: res.totalHits ?? res.estimatedTotalHits ?? res.hits.length,
      facets,
      facets_approximate: false,
      corrected: null,
    }
  }

  async suggest(query: { q: string; contract_ids: string[]; allowed_keys: string[]; limit: number }): Promise<Suggestion[]> {
    if (!query.contract_ids.length || !query.allowed_keys.length || !words(query.q).length) {
      return []
    }
    const res = await (
      await this.index()
    ).search(query.q, {
      filter: this.scopeFilter(query),
      limit: query.limit * 3,
      attributesToRetrieve: ["id", "name", "unspsc_code", "commodity_title"],
    })
    return suggestionsFrom(res.hits as { id: string; name: string; unspsc_code: string; commodity_title: string }[], query.limit)
  }
}
