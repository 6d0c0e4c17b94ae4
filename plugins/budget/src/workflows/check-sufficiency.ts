import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { keyScope } from "./shared"
import { checkBudgetSufficiencyStep } from "./steps/check-budget-sufficiency"
import { validateBudgetKeyStep } from "./steps/validate-budget-key"

export type CheckSufficiencyWorkflowInput = {
  budget_key_id: string
  organization_id: string | null
  unit_ids?: string[] | null
  amount: string
}

export const checkSufficiencyWorkflowId = "budget-check-sufficiency"
/**
 * This workflow tells whether a key can cover an amount right now
 * (read-only; shown to the buyer while building a requisition). It reserves
 * nothing: only the reserve workflow guarantees the money.
 */
export const checkSufficiencyWorkflow = createWorkflow(checkSufficiencyWorkflowId, (input: WorkflowData<CheckSufficiencyWorkflowInput>) => {
  const key = validateBudgetKeyStep(keyScope(input))
  const result = checkBudgetSufficiencyStep(transform({ input, key }, ({ input, key }) => ({ key, amount: input.amount })))
  return new WorkflowResponse(result)
})
