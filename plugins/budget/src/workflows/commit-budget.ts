import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type CommitBudgetWorkflowInput = BudgetMovementWorkflowInput

export const commitBudgetWorkflowId = "budget-commit-budget"
/**
 * This workflow commits budget when the specific contract is signed: it moves the amount from the requisition's reservation (parent_id) to comprometido, or straight from disponible when there is no reservation.
 */
export const commitBudgetWorkflow = createBudgetMovementWorkflow(
  commitBudgetWorkflowId,
  "commit",
  "commit"
)
