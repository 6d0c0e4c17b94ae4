import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mc } from "./service"

export type UpdateCompetitionStepInput = { id: string } & Record<string, unknown>

export const updateCompetitionStepId = "mini-competition-update-competition"
/**
 * This step updates fields of one competition (status, dates, evaluation,
 * award). Its compensation writes back the previous values of exactly
 * those fields.
 */
export const updateCompetitionStep = createStep(
  updateCompetitionStepId,
  async (input: UpdateCompetitionStepInput, { container }) => {
    const service = mc(container)
    const before = (await service.retrieveCompetition(input.id)) as unknown as Record<string, unknown>
    const previous = Object.fromEntries(Object.keys(input).map((k) => [k, before[k] ?? null]))
    const updated = await service.updateCompetitions(input as never)
    return new StepResponse(updated, previous as UpdateCompetitionStepInput)
  },
  async (previous: UpdateCompetitionStepInput | undefined, { container }) => {
    if (previous) {
      await mc(container).updateCompetitions(previous as never)
    }
  },
)
