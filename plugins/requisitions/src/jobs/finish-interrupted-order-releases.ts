import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SYSTEM_ACTOR_TYPE } from "@tienda/organizations/audit"
import { releaseContractOrderWorkflow } from "../workflows/release-contract-order"

export const FINISH_INTERRUPTED_ORDERS_JOB = "requisitions-finish-interrupted-order-releases"

/** How long a contract may be in force without its order before the job finishes it (a live request is still working on it). */
export const DEFAULT_ORDER_RELEASE_GRACE_MINUTES = 5
/** How far back the job looks for contracts in force without an order. */
export const ORDER_RELEASE_LOOKBACK_DAYS = 30

export type FinishInterruptedOptions = { now?: Date; graceMinutes?: number; batchSize?: number }

/**
 * Finishes the order release of every contract that entered into force but
 * has no order: the server was killed in the signing request after the
 * contract's status was stored and before the hook's workflow finished
 * (e.g. while SICOP/SIAFF held the compromiso). The retry of the signature
 * cannot do it (the contract is already signed), so this job re-runs the
 * release workflow: the commitment replays by its idempotency key
 * (`specific_contract:<id>:compromiso`, in our ledger and in SICOP/SIAFF),
 * and the order, the link and the requisition's move to `ordered` are done
 * once. Contracts younger than the grace period are left to the request that
 * is bringing them into force. Failures are logged and retried next run.
 */
export async function finishInterruptedOrderReleases(
  container: MedusaContainer,
  { now = new Date(), graceMinutes = DEFAULT_ORDER_RELEASE_GRACE_MINUTES, batchSize = 100 }: FinishInterruptedOptions = {},
): Promise<{ finished: number; failed: number }> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const before = new Date(now.getTime() - graceMinutes * 60_000)
  const since = new Date(now.getTime() - ORDER_RELEASE_LOOKBACK_DAYS * 86_400_000)
  const result = { finished: 0, failed: 0 }
  for (let skip = 0; ; skip += batchSize) {
    const { data } = await query.graph({
      entity: "specific_contract",
      fields: ["id", "number", "requisition_id", "order.id"],
      filters: { kind: "contract", status: "in_force", in_force_at: { $gte: since, $lt: before } },
      pagination: { skip, take: batchSize, order: { in_force_at: "ASC" } },
    })
    for (const c of data) {
      if (!c.requisition_id || (c.order as { id?: string } | null)?.id) {
        continue
      }
      const { errors } = await releaseContractOrderWorkflow(container).run({
        throwOnError: false,
        input: {
          contract_id: c.id,
          actor: { actor_type: SYSTEM_ACTOR_TYPE, actor_id: FINISH_INTERRUPTED_ORDERS_JOB, person_id: "", role: null },
        },
      })
      if (errors.length) {
        result.failed++
        logger.warn(`requisitions: order release of contract ${c.number} not finished: ${(errors[0].error as Error)?.message}`)
      } else {
        result.finished++
        logger.info(`requisitions: order release of contract ${c.number} finished after an interruption`)
      }
    }
    if (data.length < batchSize) {
      break
    }
  }
  return result
}

export default async function finishInterruptedOrderReleasesJob(container: MedusaContainer) {
  await finishInterruptedOrderReleases(container)
}

export const config = {
  name: FINISH_INTERRUPTED_ORDERS_JOB,
  schedule: process.env.REQUISITIONS_FINISH_ORDERS_CRON || "*/5 * * * *",
}
