import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntriesStep, type AuditActor } from "@tienda/organizations/audit"
import type { ReferenceType } from "../modules/budget/service"
import { movementAudit, movementOf } from "./shared"
import { applyBudgetMovementStep } from "./steps/apply-budget-movement"
import type { BudgetMovementWorkflowInput, RecordedMovement } from "./types"

export type RefundBudgetWorkflowInput = {
  budget_key_id: string
  amount: string
  /** The paid chain, newest first: pay, exercise, accrue movement ids. */
  pay_movement_id: string
  exercise_movement_id: string
  accrue_movement_id: string
  /** The commitment the refunded amount goes back out of. */
  commit_movement_id: string
  reference_type: ReferenceType
  reference_id: string
  /** Base of the four movements' idempotency keys (`:0`…`:2`, `:liberacion`). */
  idempotency_key: string
  actor?: AuditActor | null
}

export const refundBudgetWorkflowId = "budget-refund-budget"
/**
 * Reintegro of an own-resources payment: the refunded amount walks back
 * pagado → ejercido → devengado → comprometido (three reversals) and is then
 * released to disponible. Four guarded ledger movements, each compensated by
 * its own reversal if a later one fails; one audit entry per movement.
 */
export const refundBudgetWorkflow = createWorkflow(refundBudgetWorkflowId, (input: WorkflowData<RefundBudgetWorkflowInput>) => {
  // the four legs: each walks one stage back from its parent movement
  const legs = transform({ input }, ({ input }) => {
    const leg = (parent: string, suffix: string): BudgetMovementWorkflowInput => ({
      budget_key_id: input.budget_key_id,
      organization_id: null,
      amount: input.amount,
      parent_id: parent,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      idempotency_key: `${input.idempotency_key}:${suffix}`,
      actor: input.actor ?? null,
    })
    return {
      pay: leg(input.pay_movement_id, "0"),
      exercise: leg(input.exercise_movement_id, "1"),
      accrue: leg(input.accrue_movement_id, "2"),
      commit: leg(input.commit_movement_id, "liberacion"),
    }
  })
  const reversePay = applyBudgetMovementStep(transform({ legs }, ({ legs }) => movementOf(legs.pay, "reversal"))).config({
    name: "reverse-pay",
  })
  const reverseExercise = applyBudgetMovementStep(transform({ legs }, ({ legs }) => movementOf(legs.exercise, "reversal"))).config({
    name: "reverse-exercise",
  })
  const reverseAccrue = applyBudgetMovementStep(transform({ legs }, ({ legs }) => movementOf(legs.accrue, "reversal"))).config({
    name: "reverse-accrue",
  })
  const release = applyBudgetMovementStep(transform({ legs }, ({ legs }) => movementOf(legs.commit, "release"))).config({
    name: "release-commitment",
  })
  const movements = transform({ reversePay, reverseExercise, reverseAccrue, release }, (m): RecordedMovement[] => [
    m.reversePay,
    m.reverseExercise,
    m.reverseAccrue,
    m.release,
  ])
  appendAuditEntriesStep(
    transform({ legs, movements }, ({ legs, movements }) =>
      [legs.pay, legs.exercise, legs.accrue, legs.commit]
        .map((leg, i) => movementAudit(refundBudgetWorkflowId, leg, movements[i], null))
        .filter((e): e is NonNullable<typeof e> => e !== null),
    ),
  )
  return new WorkflowResponse(movements)
})
