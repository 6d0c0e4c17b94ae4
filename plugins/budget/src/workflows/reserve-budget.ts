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

export type ReserveBudgetWorkflowInput = BudgetMovementWorkflowInput

export const reserveBudgetWorkflowId = "budget-reserve-budget"
/**
 * This workflow reserves (pre-commits) an amount on a budget key when a requisition is submitted: our ledger under the PostgreSQL guard first, then SICOP/SIAFF with the same idempotency key. A refusal or failure anywhere leaves nothing reserved.
 */
export const reserveBudgetWorkflow = createWorkflow(
  reserveBudgetWorkflowId,
  (input: WorkflowData<ReserveBudgetWorkflowInput>) => {
    const key = validateBudgetKeyStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids ?? null,
      }))
    )
    const movement = applyBudgetMovementStep(
      transform({ input }, ({ input }) => ({ ...input, type: "reserve" as const }))
    )
    const external = callBudgetProviderStep(
      transform({ input, key, movement }, ({ input, key, movement }) => ({
        key,
        movement,
        operation: "reserve" as const,
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
