import type { ClcDeduction } from "../budget-systems/types"
import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type ExerciseBudgetWorkflowInput = BudgetMovementWorkflowInput & {
  /** Supplier paid by the CLC. */
  beneficiary_rfc?: string | null
  /** Supplier's 18-digit CLABE (SPEI). */
  beneficiary_clabe?: string | null
  /** Paid to the beneficiary when the CLC withholds deductions (amount − deductions). */
  net_amount?: string | null
  /** What the CLC withholds (e.g. the pena convencional); the amount exercised stays the gross. */
  deductions?: ClcDeduction[] | null
}

export const exerciseBudgetWorkflowId = "budget-exercise-budget"
/**
 * This workflow exercises an accrual: it requests the Cuenta por Liquidar
 * Certificada (CLC) in SICOP/SIAFF and moves the amount to ejercido. The CLC
 * folio is the movement's external reference. Deductions (net amount and
 * what is withheld) travel on the CLC as data; the budget moves the gross.
 */
export const exerciseBudgetWorkflow = createBudgetMovementWorkflow(exerciseBudgetWorkflowId, "exercise", "requestClc")
