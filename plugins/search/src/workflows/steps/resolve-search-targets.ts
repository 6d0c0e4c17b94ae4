import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { itemIdsOfContract } from "../../indexing/build-documents"
import { SEARCH_MODULE, type SearchModuleService } from "../../modules/catalog_search"

export type SyncSearchIndexInput = {
  /** Items whose offers changed. */
  item_ids?: string[]
  /** A contract whose status, enrolment or items changed: all its items. */
  contract_id?: string
  /** Suppliers whose sanctions changed: every indexed item they offer. */
  supplier_ids?: string[]
  /** Tag of a full reindex run (defaults to now). */
  indexed_at?: string
}

export const resolveSearchTargetsStepId = "search-resolve-search-targets"

/** Which item documents to rebuild (reads only). */
export const resolveSearchTargetsStep = createStep(resolveSearchTargetsStepId, async (input: SyncSearchIndexInput, { container }) => {
  const ids = new Set(input.item_ids ?? [])
  if (input.contract_id) {
    for (const id of await itemIdsOfContract(container, input.contract_id)) {
      ids.add(id)
    }
  }
  if (input.supplier_ids?.length) {
    const search = container.resolve<SearchModuleService>(SEARCH_MODULE)
    for (const id of await search.indexedIdsBySupplier(input.supplier_ids)) {
      ids.add(id)
    }
  }
  return new StepResponse([...ids])
})
