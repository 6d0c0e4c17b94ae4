import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  endRoleAssignmentStep,
  type EndRoleAssignmentStepInput,
} from "./steps/end-role-assignment"

export type EndRoleAssignmentWorkflowInput = EndRoleAssignmentStepInput

export const endRoleAssignmentWorkflowId = "organizations-end-role-assignment"
/**
 * This workflow revokes a role from a person as of a date.
 */
export const endRoleAssignmentWorkflow = createWorkflow(
  endRoleAssignmentWorkflowId,
  (input: WorkflowData<EndRoleAssignmentWorkflowInput>) => {
    const assignment = endRoleAssignmentStep(input)
    return new WorkflowResponse(assignment)
  }
)
