import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rq } from "./service"

export type NewApprovalStep = {
  requisition_id: string
  revision: number
  sequence: number
  role: string
  escalate_to_role: string | null
  due_at: Date
}

export const createApprovalStepsStepId = "requisitions-create-approval-steps"
/** This step opens the approval chain of a revision. */
export const createApprovalStepsStep = createStep(
  createApprovalStepsStepId,
  async (steps: NewApprovalStep[], { container }) => {
    if (!steps.length) {
      return new StepResponse([], [])
    }
    const created = await rq(container).createApprovalSteps(steps)
    return new StepResponse(
      created,
      created.map((s) => s.id),
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await rq(container).deleteApprovalSteps(ids)
    }
  },
)
