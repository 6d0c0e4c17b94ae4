import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { evaluateEditStep, type EditInput } from "./steps/evaluate-edit"
import { replaceRequisitionLinesStep } from "./steps/replace-lines"
import { updateApprovalStepsStep } from "./steps/update-approval-steps"
import { updateRequisitionStep } from "./steps/update-requisition"

export type EditRequisitionWorkflowInput = EditInput

export const editRequisitionWorkflowId = "requisitions-edit-requisition"

/**
 * This workflow edits a requisition's lines, justification or budget key.
 * It starts a new revision: approvals already given no longer count, the
 * reservation is released, and the requisition goes back to draft.
 */
export const editRequisitionWorkflow = createWorkflow(editRequisitionWorkflowId, (input: WorkflowData<EditRequisitionWorkflowInput>) => {
  const edit = evaluateEditStep(input)
  replaceRequisitionLinesStep(transform({ edit }, ({ edit }) => edit.lines))
  updateApprovalStepsStep(transform({ edit }, ({ edit }) => edit.superseded))
  when("release-on-edit", { edit }, ({ edit }) => !!edit.release).then(() => {
    releaseBudgetWorkflow.runAsStep({ input: transform({ edit }, ({ edit }) => edit.release!) })
  })
  const requisition = updateRequisitionStep(transform({ edit }, ({ edit }) => edit.requisition as never))
  appendAuditEntryStep(transform({ edit }, ({ edit }) => edit.audit))
  return new WorkflowResponse(requisition)
})
