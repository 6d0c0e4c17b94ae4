import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { notifyRequisitionStep } from "./steps/notify-requisition"
import { updateApprovalStepsStep } from "./steps/update-approval-steps"

export type EscalateStepInput = {
  requisition_id: string
  step_id: string
  role: string
  escalate_to_role: string | null
  at: string
}

export const escalateStepWorkflowId = "requisitions-escalate-step"

/**
 * This workflow escalates one overdue approval step: from now on the
 * escalation role may also decide it, and its holders and the requester are
 * told.
 */
export const escalateStepWorkflow = createWorkflow(escalateStepWorkflowId, (input: WorkflowData<EscalateStepInput>) => {
  updateApprovalStepsStep(transform({ input }, ({ input }) => [{ id: input.step_id, escalated_at: new Date(input.at) }]))
  appendAuditEntryStep(
    transform({ input }, ({ input }) => ({
      actor_type: "system",
      actor_id: "requisitions-escalation-job",
      action: "requisition.step_escalated",
      entity_type: "requisition",
      entity_id: input.requisition_id,
      details: { step_id: input.step_id, role: input.role, escalate_to_role: input.escalate_to_role },
    })),
  )
  notifyRequisitionStep(
    transform({ input }, ({ input }) => ({
      requisition_id: input.requisition_id,
      escalated_to_role: input.escalate_to_role ?? input.role,
    })),
  )
  return new WorkflowResponse(input.step_id)
})
