import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  setRolePermissionsStep,
  type SetRolePermissionsStepInput,
} from "./steps/set-role-permissions"

export type SetRolePermissionsWorkflowInput = SetRolePermissionsStepInput

export const setRolePermissionsWorkflowId = "organizations-set-role-permissions"
/**
 * This workflow sets the permissions of a role in the role-permission matrix.
 */
export const setRolePermissionsWorkflow = createWorkflow(
  setRolePermissionsWorkflowId,
  (input: WorkflowData<SetRolePermissionsWorkflowInput>) => {
    const result = setRolePermissionsStep(input)
    return new WorkflowResponse(result)
  }
)
