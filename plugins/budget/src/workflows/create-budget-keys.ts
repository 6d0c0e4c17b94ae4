import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createBudgetKeysStep, type CreateBudgetKeyInput } from "./steps/create-budget-keys"

export type CreateBudgetKeysWorkflowInput = { keys: CreateBudgetKeyInput[] }

export const createBudgetKeysWorkflowId = "budget-create-budget-keys"
/**
 * This workflow registers budget keys (claves presupuestarias) of agencies
 * with their authorised amounts (aprobado = modificado at creation).
 */
export const createBudgetKeysWorkflow = createWorkflow(
  createBudgetKeysWorkflowId,
  (input: WorkflowData<CreateBudgetKeysWorkflowInput>) => {
    return new WorkflowResponse(createBudgetKeysStep(input.keys))
  }
)
