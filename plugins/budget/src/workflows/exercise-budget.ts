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

export type ExerciseBudgetWorkflowInput = BudgetMovementWorkflowInput & {
  /** Supplier paid by the CLC. */
  beneficiary_rfc?: string | null
  /** Supplier's 18-digit CLABE (SPEI). */
  beneficiary_clabe?: string | null
}

export const exerciseBudgetWorkflowId = "budget-exercise-budget"
/**
 * This workflow exercises an accrual: it requests the Cuenta por Liquidar
 * Certificada (CLC) in SICOP/SIAFF and moves the amount to ejercido. The CLC
 * folio is the movement's external reference.
 */
export const exerciseBudgetWorkflow = createWorkflow(
  exerciseBudgetWorkflowId,
  (input: WorkflowData<ExerciseBudgetWorkflowInput>) => {
    const key = validateBudgetKeyStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids ?? null,
      }))
    )
    const movement = applyBudgetMovementStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        amount: input.amount,
        parent_id: input.parent_id,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        idempotency_key: input.idempotency_key,
        actor_id: input.actor_id,
        metadata: input.metadata,
        type: "exercise" as const,
      }))
    )
    const external = callBudgetProviderStep(
      transform({ input, key, movement }, ({ input, key, movement }) => ({
        key,
        movement,
        operation: "requestClc" as const,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        beneficiary_rfc: input.beneficiary_rfc ?? null,
        beneficiary_clabe: input.beneficiary_clabe ?? null,
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
