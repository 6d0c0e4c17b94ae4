import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CATALOG_EVENTS } from "@tienda/framework-contracts/catalog/index"
import { syncSearchIndexWorkflow, type SyncSearchIndexInput } from "../workflows"

type Payload = { contract_id?: string; item_ids?: string[]; supplier_ids?: string[] }

/** What to reindex for each catalog event. */
export function targetsOf(name: string, data: Payload): SyncSearchIndexInput | null {
  switch (name) {
    case CATALOG_EVENTS.OFFER_CHANGED:
      return data.item_ids?.length ? { item_ids: data.item_ids } : data.contract_id ? { contract_id: data.contract_id } : null
    case CATALOG_EVENTS.SANCTION_CHANGED:
      return data.supplier_ids?.length ? { supplier_ids: data.supplier_ids } : null
    case CATALOG_EVENTS.STATUS_CHANGED:
    case CATALOG_EVENTS.ENROLMENT_CHANGED:
    case CATALOG_EVENTS.CREATED:
      return data.contract_id ? { contract_id: data.contract_id } : null
    default:
      return null
  }
}

/**
 * Keeps the search index in step with the catalog. Eligibility is also
 * enforced at query time, so a missed event never shows a sanctioned
 * supplier; it only leaves prices or texts stale until the next change or
 * `npm run search:reindex`.
 */
export default async function catalogChanged({ event, container }: SubscriberArgs<Payload>) {
  const input = targetsOf(event.name, event.data ?? {})
  if (!input) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { result } = await syncSearchIndexWorkflow(container).run({ input })
    logger.debug?.(`search: ${event.name} → ${result.indexed} indexed, ${result.removed} removed`)
  } catch (e) {
    logger.error(`search: could not reindex after ${event.name}: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: [
    CATALOG_EVENTS.OFFER_CHANGED,
    CATALOG_EVENTS.SANCTION_CHANGED,
    CATALOG_EVENTS.STATUS_CHANGED,
    CATALOG_EVENTS.ENROLMENT_CHANGED,
    CATALOG_EVENTS.CREATED,
  ],
  context: { subscriberId: "search-catalog-changed" },
}
