import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncStoreProductsWorkflow } from "../workflows/sync-store-products"

/**
 * Eligibility also changes with the calendar alone: a sanction that starts
 * or ends today, an enrolment or a contract that expires. Every hour the
 * store products of all offers are brought in line (a no-op when nothing
 * changed). Changes made through workflows take effect immediately anyway.
 */
export default async function syncStoreProductsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result } = await syncStoreProductsWorkflow(container).run({ input: { all: true } })
  if (result.created || result.status_changed || result.repriced) {
    logger.info(`catalog: store products synced (created ${result.created}, status ${result.status_changed}, repriced ${result.repriced})`)
  }
}

export const config = {
  name: "framework-contracts-sync-store-products",
  schedule: process.env.CATALOG_SYNC_CRON || "17 * * * *",
}
