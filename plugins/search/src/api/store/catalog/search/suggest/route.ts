import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { SEARCH_MODULE, type SearchModuleService } from "../../../../../modules/catalog_search"
import { searchScope } from "../../../../scope"
import type { StoreSuggestType } from "../../../../validators"

/** As-you-type suggestions: categories and item names the caller may buy. */
export const GET = async (req: AuthorizedRequest<unknown, StoreSuggestType>, res: MedusaResponse) => {
  const { q, limit } = req.validatedQuery
  const scope = await searchScope(req.scope, req.access)
  const search = req.scope.resolve<SearchModuleService>(SEARCH_MODULE)
  const suggestions = await search.suggestCatalog({ q, limit, contract_ids: scope.contract_ids, allowed_keys: scope.allowed_keys })
  res.json({ suggestions })
}
