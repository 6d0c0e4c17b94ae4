/** One eligible-or-not supplier offer carried by a search document. */
export type SearchOfferDoc = {
  offer_id: string
  supplier_id: string
  supplier_name: string
  sme: boolean
  /** Decimal string as stored by the catalog. */
  price: string
  price_cents: number
  min_order_qty: number
  /** Days to deliver per state code (its keys are the delivery zones). */
  delivery_days: Record<string, number>
}

/** What the indexer writes: one document per framework item. */
export type SearchDocumentInput = {
  id: string
  code: string
  name: string
  description: string
  unspsc_code: string
  commodity_title: string
  segment_code: string
  segment_title: string
  family_code: string
  family_title: string
  class_code: string
  class_title: string
  cog_partida: string
  cog_partida_title: string | null
  sat_clave_unidad: string
  ceiling_price: string
  contract_id: string
  contract_number: string
  contract_title: string
  contract_status: string
  lot_id: string
  lot_number: number
  lot_title: string
  /** Units enrolled in the contract. */
  unit_ids: string[]
  /** Active offers (eligibility is decided again at query time). */
  offers: SearchOfferDoc[]
}

export const SORTS = ["relevance", "price_asc", "price_desc", "delivery"] as const
export type SearchSort = (typeof SORTS)[number]

export type SearchFilters = {
  segment?: string[]
  family?: string[]
  class?: string[]
  contract?: string[]
  supplier?: string[]
  zone?: string[]
  sme?: boolean
  /** Bounds on the cheapest eligible offer, in centavos. */
  price_min_cents?: number
  price_max_cents?: number
}

/**
 * A query already scoped by the caller: only these contracts (published, in
 * force, one of the caller's units enrolled) and only offers whose
 * `contract_id:supplier_id` key is eligible now.
 */
export type SearchQuery = {
  q?: string
  contract_ids: string[]
  allowed_keys: string[]
  /** The buyer's state: delivery days and the delivery sort use it. */
  state_code: string | null
  filters: SearchFilters
  sort: SearchSort
  limit: number
  offset: number
}

export type FacetValue = { value: string; label: string; count: number }

export type SearchFacets = {
  segment: FacetValue[]
  family: FacetValue[]
  class: FacetValue[]
  contract: FacetValue[]
  supplier: FacetValue[]
  sme: FacetValue[]
  zone: FacetValue[]
  price: FacetValue[]
}

export type SearchHit = {
  id: string
  code: string
  name: string
  description: string
  unspsc: {
    code: string
    title: string
    segment: { code: string; title: string }
    family: { code: string; title: string }
    class: { code: string; title: string }
  }
  cog_partida: string
  cog_partida_title: string | null
  sat_clave_unidad: string
  ceiling_price: string
  contract: { id: string; number: string; title: string }
  lot: { id: string; number: number; title: string }
  min_price: string | null
  max_price: string | null
  currency_code: "mxn"
  sme: boolean
  delivery_days: number | null
  offers: SearchOfferDoc[]
}

export type SearchResult = {
  hits: SearchHit[]
  /** Exact number of results. */
  count: number
  facets: SearchFacets
  /**
   * True when the facet counts are estimates: with more results than the
   * provider's exact-facet limit they are counted over a deterministic sample
   * of the results and scaled (docs/search.md); the buyer is told "aprox.".
   */
  facets_approximate: boolean
  /** The query after typo correction, when it differs from what was typed. */
  corrected: string | null
}

export type Suggestion = { text: string; kind: "item" | "category"; id: string }

export type SuggestQuery = Pick<SearchQuery, "contract_ids" | "allowed_keys"> & { q: string; limit: number }

/** A search backend. Both providers must pass the same contract suite. */
export interface SearchProvider {
  readonly name: "postgres" | "meilisearch"
  /** Inserts or replaces documents (`indexedAt` tags the run). */
  upsert(docs: SearchDocumentInput[], indexedAt: Date): Promise<void>
  remove(ids: string[]): Promise<void>
  /** Removes documents written before `indexedAt` (end of a full reindex). */
  pruneBefore(indexedAt: Date): Promise<number>
  /** The documents as indexed (workflow compensation restores them). */
  get(ids: string[]): Promise<SearchDocumentInput[]>
  /** Ids of documents holding an offer of any of these suppliers. */
  idsBySupplier(supplierIds: string[]): Promise<string[]>
  search(query: SearchQuery): Promise<SearchResult>
  suggest(query: SuggestQuery): Promise<Suggestion[]>
  /**
   * A value that changes with every committed change of the index, for
   * result caches; null when the provider offers none (then nothing is
   * cached).
   */
  version(): Promise<string | null>
}
