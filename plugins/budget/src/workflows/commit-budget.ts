import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { applyBudgetMovementStep } from "./steps/apply-budget-movement"
import { callBudgetProviderStep } from "./steps/call-budget-provider"
import { validateBudgetKeyStep } from "./steps/validate-budget-key"
import type { BudgetMovementWorkflowInput } from "./types"

export type CommitBudgetWorkflowInput = BudgetMovementWorkflowInput

export const commitBudgetWorkflowId = "budget-commit-budget"
/**
 * This workflow commits budget when the specific contract is signed: it moves the amount from the requisition's reservation (parent_id) to comprometido, or straight from disponible when there is no reservation.
 */
export const commitBudgetWorkflow = createWorkflow(
  commitBudgetWorkflowId,
  (input: WorkflowData<CommitBudgetWorkflowInput>) => {
    const key = validateBudgetKeyStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids ?? null,
      }))
    )
    const movement = applyBudgetMovementStep(
      transform({ input }, ({ input }) => ({ ...input, type: "commit" as const }))
    )
    const external = callBudgetProviderStep(
      transform({ input, key, movement }, ({ input, key, movement }) => ({
        key,
        movement,
        operation: "commit" as const,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
      }))
    )
    return new WorkflowResponse(
      transform({ movement, external }, ({ movement, external }) => ({
        ...movement,
        external_ref: external.folio ?? movement.external_ref,
      }))
    )
  }
)
