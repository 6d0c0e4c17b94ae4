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

export type ReleaseBudgetWorkflowInput = BudgetMovementWorkflowInput

export const releaseBudgetWorkflowId = "budget-release-budget"
/**
 * This workflow releases (part of) a reservation or a commitment back to disponible, on rejection, cancellation or expiry.
 */
export const releaseBudgetWorkflow = createWorkflow(
  releaseBudgetWorkflowId,
  (input: WorkflowData<ReleaseBudgetWorkflowInput>) => {
    const key = validateBudgetKeyStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids ?? null,
      }))
    )
    const movement = applyBudgetMovementStep(
      transform({ input }, ({ input }) => ({ ...input, type: "release" as const }))
    )
    const external = callBudgetProviderStep(
      transform({ input, key, movement }, ({ input, key, movement }) => ({
        key,
        movement,
        operation: "release" as const,
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
