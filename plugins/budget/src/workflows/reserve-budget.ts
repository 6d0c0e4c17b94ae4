import { createBudgetMovementWorkflow } from "./shared"
import type { BudgetMovementWorkflowInput } from "./types"

export type ReserveBudgetWorkflowInput = BudgetMovementWorkflowInput

export const reserveBudgetWorkflowId = "budget-reserve-budget"
/**
 * This workflow reserves (pre-commits) an amount on a budget key when a requisition is submitted: our ledger under the PostgreSQL guard first, then SICOP/SIAFF with the same idempotency key. A refusal or failure anywhere leaves nothing reserved.
 */
export const reserveBudgetWorkflow = createBudgetMovementWorkflow(reserveBudgetWorkflowId, "reserve", "reserve")
