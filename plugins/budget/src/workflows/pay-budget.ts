import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/organizations/audit"
import { keyScope, movementAudit, movementOf } from "./shared"
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
export const payBudgetWorkflow = createWorkflow(payBudgetWorkflowId, (input: WorkflowData<PayBudgetWorkflowInput>) => {
  const key = validateBudgetKeyStep(keyScope(input))
  const payment = verifyClcPaidStep(
    transform({ input, key }, ({ input, key }) => ({
      key,
      exercise_movement_id: input.parent_id as string,
      clave_rastreo: input.clave_rastreo ?? null,
    })),
  )
  const movement = applyBudgetMovementStep(
    transform({ input, payment }, ({ input, payment }) =>
      movementOf(input, "pay", {
        external_ref: payment.clc_folio,
        metadata: { ...(input.metadata ?? {}), clave_rastreo: payment.clave_rastreo, paid_at: payment.paid_at },
      }),
    ),
  )
  appendAuditEntryStep(
    transform({ input, movement, payment }, ({ input, movement, payment }) =>
      movementAudit(payBudgetWorkflowId, input, movement, payment.clc_folio),
    ),
  )
  return new WorkflowResponse(
    transform({ movement, payment }, ({ movement, payment }) => ({ ...movement, clave_rastreo: payment.clave_rastreo })),
  )
})
