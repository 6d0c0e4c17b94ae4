import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DocumentBuilder } from "../../indexing/build-documents"
import { SEARCH_MODULE, type SearchDocumentInput, type SearchModuleService } from "../../modules/catalog_search"

type Previous = { ids: string[]; docs: SearchDocumentInput[] }

export const writeSearchDocumentsStepId = "search-write-search-documents"

/**
 * Rebuilds the documents of these items from the catalog and writes them to
 * the provider (items that no longer exist are removed). Compensation puts
 * back the documents as they were.
 */
export const writeSearchDocumentsStep = createStep(
  writeSearchDocumentsStepId,
  async (input: { item_ids: string[]; indexed_at?: string }, { container }) => {
    const search = container.resolve<SearchModuleService>(SEARCH_MODULE)
    if (!input.item_ids.length) {
      return new StepResponse({ indexed: 0, removed: 0 }, { ids: [], docs: [] } as Previous)
    }
    const previous = await search.getIndexedDocuments(input.item_ids)
    const { docs, missing } = await new DocumentBuilder(container).build(input.item_ids)
    await search.indexDocuments(docs, input.indexed_at ? new Date(input.indexed_at) : new Date())
    await search.unindexDocuments(missing)
    return new StepResponse({ indexed: docs.length, removed: missing.length }, { ids: input.item_ids, docs: previous } as Previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous?.ids.length) {
      return
    }
    const search = container.resolve<SearchModuleService>(SEARCH_MODULE)
    const kept = new Set(previous.docs.map((d) => d.id))
    await search.unindexDocuments(previous.ids.filter((id) => !kept.has(id)))
    await search.indexDocuments(previous.docs)
  },
)
