import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { evaluateDecisionStep, type DecideInput } from "./steps/evaluate-decision"
import { notifyRequisitionStep } from "./steps/notify-requisition"
import { updateApprovalStepsStep } from "./steps/update-approval-steps"
import { updateRequisitionStep } from "./steps/update-requisition"

export type DecideRequisitionWorkflowInput = DecideInput

export const decideRequisitionWorkflowId = "requisitions-decide-requisition"

/**
 * This workflow records an approver's decision on the current step:
 * approve (the last approval makes the requisition `approved`), reject or
 * return for changes (both release the budget reservation and close the
 * rest of the chain). Signed decisions keep the signature and certificate.
 */
export const decideRequisitionWorkflow = createWorkflow(
  decideRequisitionWorkflowId,
  (input: WorkflowData<DecideRequisitionWorkflowInput>) => {
    // one decision on a requisition at a time: a parallel one waits, then
    // sees the step already decided and is judged against the next one
    const lock = transform({ input }, ({ input }) => ({ key: `requisition:${input.requisition_id}`, timeout: 60, ttl: 120 }))
    acquireLockStep(lock)
    const decision = evaluateDecisionStep(input)
    updateApprovalStepsStep(transform({ decision }, ({ decision }) => [decision.step, ...decision.superseded]))
    when("release-reservation", { decision }, ({ decision }) => !!decision.release).then(() => {
      releaseBudgetWorkflow.runAsStep({ input: transform({ decision }, ({ decision }) => decision.release!) })
    })
    const requisition = updateRequisitionStep(transform({ decision }, ({ decision }) => decision.requisition))
    appendAuditEntryStep(transform({ decision }, ({ decision }) => decision.audit))
    notifyRequisitionStep(
      transform({ decision, input }, ({ decision, input }) => ({
        requisition_id: input.requisition_id,
        requester_template: decision.template as never,
        notify_next_approvers: decision.requisition.status === "pending_approval",
        extra: { reason: decision.step.reason ?? "", decided_by: input.access.full_name, role: decision.step.decided_role },
      })),
    )
    releaseLockStep(lock)
    return new WorkflowResponse(requisition)
  },
)
