import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAuditCheckpointWorkflow } from "../workflows/create-audit-checkpoint"

/** Yesterday as a UTC calendar day, YYYY-MM-DD. */
export function yesterdayUtc(now: Date = new Date()): string {
  return new Date(now.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10)
}

/** Publishes yesterday's ledger checkpoint every day at 00:05 UTC. */
export default async function auditCheckpointJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const day = yesterdayUtc()
  const { result } = await createAuditCheckpointWorkflow(container).run({ input: { day } })
  logger.info(`Audit checkpoint ${day}: ${result.entry_count} entries, root ${result.merkle_root}`)
}

export const config = {
  name: "contracts-audit-checkpoint",
  schedule: "5 0 * * *",
}
