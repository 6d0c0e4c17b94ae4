import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { systemActor } from "@tienda/organizations/audit"
import { MINI_COMPETITION_MODULE } from "../modules/mini_competition"
import type MiniCompetitionModuleService from "../modules/mini_competition/service"
import { openCompetitionWorkflow } from "../workflows/open-competition"
import { passLapsedAwardWorkflow } from "../workflows/pass-lapsed-award"

export type OpenDueResult = { opened: string[]; passed: string[]; failed: { id: string; message: string }[] }

/**
 * Opens every competition whose bid deadline has passed by the procedure's
 * clock — bids are opened by this job, never by a person — and passes every
 * award whose confirmation window lapsed to the next ranked bid. Each is
 * its own workflow run (under the competition's lock, so two workers act
 * once); a failure is logged and retried by the next run.
 */
export async function openDueCompetitions(container: MedusaContainer): Promise<OpenDueResult> {
  const service = container.resolve<MiniCompetitionModuleService>(MINI_COMPETITION_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const now = await service.now()
  const due = await service.listCompetitions(
    { status: "bidding", bid_deadline: { $lte: now } },
    { take: null, order: { bid_deadline: "ASC" } },
  )
  const result: OpenDueResult = { opened: [], passed: [], failed: [] }
  for (const competition of due) {
    const { errors } = await openCompetitionWorkflow(container).run({
      throwOnError: false,
      input: { competition_id: competition.id, at: now.toISOString(), actor: systemActor(config.name) },
    })
    if (errors.length) {
      const message = (errors[0].error as Error)?.message ?? String(errors[0].error)
      result.failed.push({ id: competition.id, message })
      logger.warn(`mini-competition: ${competition.number} not opened: ${message}`)
      continue
    }
    result.opened.push(competition.id)
  }
  const lapsed = await service.listCompetitions(
    { status: "offered", confirmation_deadline: { $lte: now } },
    { take: null, order: { confirmation_deadline: "ASC" } },
  )
  for (const competition of lapsed) {
    const { errors } = await passLapsedAwardWorkflow(container).run({
      throwOnError: false,
      input: { competition_id: competition.id, at: now.toISOString(), actor: systemActor(config.name) },
    })
    if (errors.length) {
      const message = (errors[0].error as Error)?.message ?? String(errors[0].error)
      result.failed.push({ id: competition.id, message })
      logger.warn(`mini-competition: award of ${competition.number} not passed on: ${message}`)
      continue
    }
    result.passed.push(competition.id)
  }
  if (due.length || lapsed.length) {
    logger.info(
      `mini-competition: ${result.opened.length} opened, ${result.passed.length} award(s) passed on, ${result.failed.length} failed`,
    )
  }
  return result
}

export default async function openDueCompetitionsJob(container: MedusaContainer) {
  await openDueCompetitions(container)
}

/** Every minute: a deadline is honoured within a minute (MINI_COMPETITION_OPEN_CRON overrides). */
export const config = {
  name: "mini-competition-open-due",
  schedule: process.env.MINI_COMPETITION_OPEN_CRON || "* * * * *",
}
