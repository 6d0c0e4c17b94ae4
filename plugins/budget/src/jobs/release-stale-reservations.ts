import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { systemActor } from "@tienda/organizations/audit"
import { BUDGET_MODULE } from "../modules/budget"
import type BudgetModuleService from "../modules/budget/service"
import { releaseBudgetWorkflow } from "../workflows/release-budget"

/** Default life of a reservation without a signed contract: 7 days. */
export const DEFAULT_RESERVATION_TTL_HOURS = 168

/** BUDGET_RESERVATION_TTL_HOURS (hours, > 0); the default when unset or invalid. */
export function reservationTtlHours(env: Record<string, string | undefined> = process.env): number {
  const v = Number(env.BUDGET_RESERVATION_TTL_HOURS)
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_RESERVATION_TTL_HOURS
}

export type ReleaseStaleOptions = {
  now?: Date
  ttlHours?: number
  /** Reservations read per query. */
  batchSize?: number
}

export type ReleaseStaleResult = {
  released: number
  failed: number
  /** Amount released per budget key id (two decimals). */
  amount_released: Record<string, string>
}

/**
 * Releases every reservation older than the TTL that still holds money,
 * back to disponible, through the release workflow (SICOP/SIAFF too).
 * Idempotent: the release is keyed by the reservation and the hour of the
 * run, so two workers running at once release once; a failed attempt
 * (compensated) is retried by the next hourly run with a new key. Failures
 * are logged and skipped so one bad key does not stop the batch.
 */
export async function releaseStaleReservations(
  container: MedusaContainer,
  { now = new Date(), ttlHours = reservationTtlHours(), batchSize = 100 }: ReleaseStaleOptions = {},
): Promise<ReleaseStaleResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
  const before = new Date(now.getTime() - ttlHours * 3600_000)
  const run = now.toISOString().slice(0, 13)
  const result: ReleaseStaleResult = { released: 0, failed: 0, amount_released: {} }
  const skipped = new Set<string>()
  for (;;) {
    const batch = (await service.listStaleReservations(before, batchSize + skipped.size)).filter((r) => !skipped.has(r.id))
    if (!batch.length) {
      break
    }
    for (const r of batch) {
      const key = await service.getKeyHeader(r.budget_key_id)
      const { errors } = await releaseBudgetWorkflow(container).run({
        throwOnError: false,
        input: {
          budget_key_id: r.budget_key_id,
          organization_id: key?.organization_id ?? null,
          amount: r.remaining,
          parent_id: r.id,
          reference_type: r.reference_type,
          reference_id: r.reference_id,
          idempotency_key: `${r.idempotency_key}:vencida:${run}`,
          metadata: { motivo: "reserva_vencida", ttl_horas: ttlHours },
          actor: systemActor(config.name),
        },
      })
      if (errors.length) {
        result.failed++
        skipped.add(r.id)
        logger.warn(`budget: stale reservation ${r.id} not released: ${(errors[0].error as Error)?.message}`)
        continue
      }
      result.released++
      result.amount_released[r.budget_key_id] = MathBN.add(result.amount_released[r.budget_key_id] ?? "0", r.remaining).toFixed(2)
    }
    logger.info(`budget: stale reservations — ${result.released} released, ${result.failed} failed so far (older than ${ttlHours} h)`)
  }
  return result
}

/** Hourly by default (BUDGET_RELEASE_STALE_CRON overrides). */
export default async function releaseStaleReservationsJob(container: MedusaContainer) {
  await releaseStaleReservations(container)
}

export const config = {
  name: "budget-release-stale-reservations",
  schedule: process.env.BUDGET_RELEASE_STALE_CRON || "17 * * * *",
}
