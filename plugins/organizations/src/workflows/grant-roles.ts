import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { grantRolesStep, type GrantRolesStepInput } from "./steps/grant-roles"

export type GrantRolesWorkflowInput = GrantRolesStepInput

export const grantRolesWorkflowId = "organizations-grant-roles"
/**
 * This workflow grants one or more roles to a person.
 */
export const grantRolesWorkflow = createWorkflow(
  grantRolesWorkflowId,
  (input: WorkflowData<GrantRolesWorkflowInput>) => {
    const assignments = grantRolesStep(input)
    return new WorkflowResponse(assignments)
  }
)
