import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reindexCatalog } from "@tienda/search/indexing/index"

/** Rebuilds the catalog search index, so the demo catalog is searchable (idempotent). */
export async function seedSearchIndex({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const r = await reindexCatalog(container)
  logger.info(`seed: search index (${r.provider}) ${r.indexed} documents, ${r.removed + r.pruned} removed`)
}
