import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type AccrueBudgetWorkflowInput = BudgetMovementWorkflowInput

export const accrueBudgetWorkflowId = "budget-accrue-budget"
/**
 * This workflow accrues (devenga) a commitment when the reception is accepted and the CFDI is valid.
 */
export const accrueBudgetWorkflow = createBudgetMovementWorkflow(accrueBudgetWorkflowId, "accrue", "accrue")
