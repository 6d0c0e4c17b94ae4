import type { MedusaContainer } from "@medusajs/framework/types"
import { FRAMEWORK_CONTRACT_MODULE, type FrameworkContractModuleService } from "@tienda/framework-contracts/modules/framework_contract"
import { SEARCH_MODULE, type SearchModuleService } from "../modules/catalog_search"
import { syncSearchIndexWorkflow } from "../workflows/sync-search-index"

export type ReindexProgress = { done: number; total: number; indexed: number; removed: number }

/**
 * Rebuilds every document from the catalog in batches (one workflow run per
 * batch), then removes documents of items that no longer exist.
 */
export async function reindexCatalog(
  container: MedusaContainer,
  { batchSize = 500, onProgress }: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {},
): Promise<ReindexProgress & { pruned: number; provider: string }> {
  const fc = container.resolve<FrameworkContractModuleService>(FRAMEWORK_CONTRACT_MODULE)
  const search = container.resolve<SearchModuleService>(SEARCH_MODULE)
  const startedAt = new Date()
  const [, total] = await fc.listAndCountFrameworkItems({}, { take: 1, select: ["id"] })
  const progress: ReindexProgress = { done: 0, total, indexed: 0, removed: 0 }
  onProgress?.(progress)
  let last = ""
  for (;;) {
    const page = await fc.listFrameworkItems(last ? { id: { $gt: last } } : {}, { take: batchSize, select: ["id"], order: { id: "ASC" } })
    if (!page.length) {
      break
    }
    last = page[page.length - 1].id
    const { result } = await syncSearchIndexWorkflow(container).run({
      input: { item_ids: page.map((i) => i.id), indexed_at: startedAt.toISOString() },
    })
    progress.done += page.length
    progress.indexed += result.indexed
    progress.removed += result.removed
    onProgress?.(progress)
  }
  const pruned = await search.pruneIndexedBefore(startedAt)
  return { ...progress, pruned, provider: await search.providerName() }
}
