import "server-only"
import type { Session } from "@lib/session"
import { apiQuery, type SearchState } from "@lib/search-params"
import { callBackend, type ApiResult } from "./backend"

/** One eligible supplier offer of a result (cheapest first). */
export type SearchOffer = {
  offer_id: string
  supplier_id: string
  supplier_name: string
  sme: boolean
  /** Decimal string (pesos). */
  price: string
  min_order_qty: number
  delivery_days: Record<string, number>
}

/** One framework item as GET /store/catalog/search returns it (docs/search.md). */
export type SearchItem = {
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
  sat_clave_unidad: string
  ceiling_price: string
  contract: { id: string; number: string; title: string }
  lot: { id: string; number: number; title: string }
  /** Cheapest and dearest eligible offer, decimal strings (pesos). */
  min_price: string | null
  max_price: string | null
  currency_code: string
  sme: boolean
  /** Days to deliver to the buyer's state (fastest eligible offer). */
  delivery_days: number | null
  offers: SearchOffer[]
}

export type FacetValue = { value: string; label: string; count: number }

export type SearchFacets = Record<"segment" | "family" | "class" | "contract" | "supplier" | "sme" | "zone" | "price", FacetValue[]>

export type SearchResponse = {
  items: SearchItem[]
  count: number
  offset: number
  limit: number
  facets: SearchFacets
  /** The facet counts are estimates (many results): shown as "aprox. N". */
  facets_approximate?: boolean
  query: { q: string | null; corrected: string | null; sort: string }
  buyer_state: string | null
  provider: string
}

export type Suggestion = { text: string; kind: "category" | "item"; id: string }

/** GET /store/catalog/search with the buyer's token: only what their units may buy. */
export function searchCatalog(session: Session, state: SearchState): Promise<ApiResult<SearchResponse>> {
  return callBackend(`/store/catalog/search?${apiQuery(state)}`, { token: session.token })
}

/** GET /store/catalog/search/suggest (as-you-type: categories, then item names). */
export function suggestCatalog(session: Session, q: string, limit = 8): Promise<ApiResult<{ suggestions: Suggestion[] }>> {
  const p = new URLSearchParams({ q, limit: String(limit) })
  return callBackend(`/store/catalog/search/suggest?${p}`, { token: session.token })
}
