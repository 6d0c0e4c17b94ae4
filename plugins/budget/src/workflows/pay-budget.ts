import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { applyBudgetMovementStep } from "./steps/apply-budget-movement"
import { validateBudgetKeyStep } from "./steps/validate-budget-key"
import { verifyClcPaidStep } from "./steps/verify-clc-paid"
import type { BudgetMovementWorkflowInput } from "./types"

export type PayBudgetWorkflowInput = BudgetMovementWorkflowInput & {
  /** Own-resources keys: the SPEI clave de rastreo of the payment. */
  clave_rastreo?: string | null
}

export const payBudgetWorkflowId = "budget-pay-budget"
/**
 * This workflow records the payment (pagado) of an exercised amount once the
 * CLC is paid by SPEI; the clave de rastreo goes into the movement.
 * `parent_id` is the exercise movement.
 */
export const payBudgetWorkflow = createWorkflow(
  payBudgetWorkflowId,
  (input: WorkflowData<PayBudgetWorkflowInput>) => {
    const key = validateBudgetKeyStep(
      transform({ input }, ({ input }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        unit_ids: input.unit_ids ?? null,
      }))
    )
    const payment = verifyClcPaidStep(
      transform({ input, key }, ({ input, key }) => ({
        key,
        exercise_movement_id: input.parent_id as string,
        clave_rastreo: input.clave_rastreo ?? null,
      }))
    )
    const movement = applyBudgetMovementStep(
      transform({ input, payment }, ({ input, payment }) => ({
        budget_key_id: input.budget_key_id,
        organization_id: input.organization_id,
        amount: input.amount,
        parent_id: input.parent_id,
        reference_type: input.reference_type,
        reference_id: input.reference_id,
        idempotency_key: input.idempotency_key,
        actor_id: input.actor_id,
        type: "pay" as const,
        external_ref: payment.clc_folio,
        metadata: { ...(input.metadata ?? {}), clave_rastreo: payment.clave_rastreo, paid_at: payment.paid_at },
      }))
    )
    return new WorkflowResponse(
      transform({ movement, payment }, ({ movement, payment }) => ({ ...movement, clave_rastreo: payment.clave_rastreo }))
    )
  }
)
