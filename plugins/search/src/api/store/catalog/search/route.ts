import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { toCents } from "../../../../modules/catalog_search/documents"
import { SEARCH_MODULE, type SearchModuleService } from "../../../../modules/catalog_search"
import { cacheTtlMs, stableKey, TtlLru } from "../../../cache"
import { searchScope } from "../../../scope"
import type { StoreSearchType } from "../../../validators"
import type { SearchResult } from "../../../../modules/catalog_search/types"

const results = new TtlLru<SearchResult>(1000)

/**
 * Full-text catalog search for buyers: only items of contracts the caller's
 * units may buy from, only offers of suppliers eligible now; facets,
 * sorting (relevance, price, delivery) and pagination.
 */
export const GET = async (req: AuthorizedRequest<unknown, StoreSearchType>, res: MedusaResponse) => {
  const input = req.validatedQuery
  const min = input.price_min !== undefined ? toCents(input.price_min) : undefined
  const max = input.price_max !== undefined ? toCents(input.price_max) : undefined
  if (min !== undefined && max !== undefined && min > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "El precio mínimo no puede ser mayor que el precio máximo.",
      "RANGO_DE_PRECIO_INVALIDO",
    )
  }
  const search = req.scope.resolve<SearchModuleService>(SEARCH_MODULE)
  const [scope, indexVersion] = await Promise.all([searchScope(req.scope, req.access), search.indexVersion()])
  // same scope, same index version, same query: same answer (./cache.ts)
  const ttl = cacheTtlMs()
  const cacheKey = ttl > 0 && indexVersion !== null && scope.cache_key ? `${scope.cache_key}|${indexVersion}|${stableKey(input)}` : null
  const run = async (): Promise<SearchResult> => {
    const found = await search.searchCatalog({
      q: input.q || undefined,
      contract_ids: scope.contract_ids,
      allowed_keys: scope.allowed_keys,
      state_code: scope.state_code,
      filters: {
        segment: input.segment,
        family: input.family,
        class: input.class,
        contract: input.contract,
        supplier: input.supplier,
        zone: input.zone,
        sme: input.sme,
        price_min_cents: min,
        price_max_cents: max,
      },
      sort: input.sort,
      limit: input.limit,
      offset: input.offset,
    })
    for (const f of found.facets.supplier) {
      f.label = scope.supplier_names.get(f.value) ?? f.value
    }
    return found
  }
  const { value: result, source } = cacheKey ? await results.lookup(cacheKey, ttl, run) : { value: await run(), source: "off" }
  // observability (benchmarks, operators): answered from the cache, computed, joined a computation in flight, or no cache
  res.setHeader("x-search-cache", source)
  res.json({
    items: result.hits,
    count: result.count,
    offset: input.offset,
    limit: input.limit,
    facets: result.facets,
    facets_approximate: result.facets_approximate,
    query: { q: input.q ?? null, corrected: result.corrected, sort: input.sort },
    buyer_state: scope.state_code,
    provider: await search.providerName(),
  })
}
