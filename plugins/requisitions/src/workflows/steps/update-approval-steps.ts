import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rq } from "./service"

export type ApprovalStepChanges = ({ id: string } & Record<string, unknown>)[]

export const updateApprovalStepsStepId = "requisitions-update-approval-steps"
/** This step records decisions or supersedes steps; its compensation restores them. */
export const updateApprovalStepsStep = createStep(
  updateApprovalStepsStepId,
  async (changes: ApprovalStepChanges, { container }) => {
    if (!changes.length) {
      return new StepResponse([], [])
    }
    const service = rq(container)
    const current = await service.listApprovalSteps({ id: changes.map((c) => c.id) }, { take: null })
    const previous = changes.map((c) => {
      const row = current.find((x) => x.id === c.id) as unknown as Record<string, unknown>
      return Object.fromEntries(Object.keys(c).map((k) => [k, row?.[k] ?? null]))
    })
    await service.updateApprovalSteps(changes as never)
    return new StepResponse(
      changes.map((c) => c.id),
      previous,
    )
  },
  async (previous, { container }) => {
    if (previous?.length) {
      await rq(container).updateApprovalSteps(previous as never)
    }
  },
)
