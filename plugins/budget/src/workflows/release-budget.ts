import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type ReleaseBudgetWorkflowInput = BudgetMovementWorkflowInput

export const releaseBudgetWorkflowId = "budget-release-budget"
/**
 * This workflow releases (part of) a reservation or a commitment back to disponible, on rejection, cancellation or expiry.
 */
export const releaseBudgetWorkflow = createBudgetMovementWorkflow(releaseBudgetWorkflowId, "release", "release")
