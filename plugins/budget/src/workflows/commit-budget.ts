import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type CommitBudgetWorkflowInput = BudgetMovementWorkflowInput

export const commitBudgetWorkflowId = "budget-commit-budget"
/**
 * This workflow commits budget (comprometido): called when a specific
 * contract enters into force after both e.firma signatures, for the
 * contract's total with IVA, drawn from the requisition's reservation
 * (parent_id); straight from disponible when there is no reservation.
 */
export const commitBudgetWorkflow = createBudgetMovementWorkflow(commitBudgetWorkflowId, "commit", "commit")
