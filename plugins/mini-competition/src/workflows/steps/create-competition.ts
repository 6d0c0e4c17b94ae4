import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PlannedCompetition } from "./plan-competition"
import { dec, mc } from "./service"

export const createCompetitionStepId = "mini-competition-create-competition"
/** This step creates the competition (draft) with its lines. Its compensation deletes them. */
export const createCompetitionStep = createStep(
  createCompetitionStepId,
  async (input: PlannedCompetition, { container }) => {
    const service = mc(container)
    const { lines, ...data } = input
    const competition = await service.createCompetitions({
      ...data,
      rules: data.rules as unknown as Record<string, unknown>,
      status: "draft",
    })
    const created = await service.createCompetitionLines(
      lines.map((l) => ({ ...l, ceiling_price: dec(l.ceiling_price), competition_id: competition.id })),
    )
    return new StepResponse(competition, { id: competition.id, line_ids: created.map((l) => l.id) })
  },
  async (undo: { id: string; line_ids: string[] } | undefined, { container }) => {
    if (undo) {
      const service = mc(container)
      await service.deleteCompetitionLines(undo.line_ids)
      await service.deleteCompetitions(undo.id)
    }
  },
)
