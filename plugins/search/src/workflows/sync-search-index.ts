import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resolveSearchTargetsStep, type SyncSearchIndexInput } from "./steps/resolve-search-targets"
import { writeSearchDocumentsStep } from "./steps/write-search-documents"

export const syncSearchIndexWorkflowId = "search-sync-search-index"

/** Brings the search index of some items (or a contract, or suppliers' items) up to date. */
export const syncSearchIndexWorkflow = createWorkflow(syncSearchIndexWorkflowId, (input: SyncSearchIndexInput) => {
  const itemIds = resolveSearchTargetsStep(input)
  const result = writeSearchDocumentsStep(
    transform({ itemIds, input }, ({ itemIds, input }) => ({ item_ids: itemIds, indexed_at: input.indexed_at })),
  )
  return new WorkflowResponse(result)
})
