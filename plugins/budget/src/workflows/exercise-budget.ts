import { createBudgetMovementWorkflow } from "./shared"
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
export const exerciseBudgetWorkflow = createBudgetMovementWorkflow(
  exerciseBudgetWorkflowId,
  "exercise",
  "requestClc"
)
