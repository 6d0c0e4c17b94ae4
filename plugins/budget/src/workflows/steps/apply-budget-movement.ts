import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import type { MovementType } from "../../modules/budget/service"
import type { BudgetMovementWorkflowInput, RecordedMovement } from "../types"

export type ApplyBudgetMovementStepInput = BudgetMovementWorkflowInput & {
  type: MovementType
  external_ref?: string | null
}

type Undo = { budget_key_id: string; movement_id: string; amount: string; idempotency_key: string; reference_id: string }

export const applyBudgetMovementStepId = "budget-apply-budget-movement"
/**
 * This step records a movement in our ledger under the PostgreSQL guard
 * (conditional UPDATE + CHECK). Compensation: a reversal movement that puts
 * the money back in the stage it came from (not on a replay, which changed
 * nothing).
 */
export const applyBudgetMovementStep = createStep(
  applyBudgetMovementStepId,
  async (input: ApplyBudgetMovementStepInput, { container }) => {
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const applied = await service.applyMovement({
      budget_key_id: input.budget_key_id,
      type: input.type,
      amount: input.amount,
      parent_id: input.parent_id ?? null,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      idempotency_key: input.idempotency_key,
      actor_id: input.actor_id ?? null,
      external_ref: input.external_ref ?? null,
      metadata: input.metadata ?? null,
    })
    const parent = applied.movement.parent_id
      ? await service.retrieveBudgetMovement(applied.movement.parent_id, { select: ["idempotency_key"] })
      : null
    const result: RecordedMovement = {
      id: applied.movement.id,
      type: applied.movement.type,
      amount: applied.movement.amount,
      idempotency_key: applied.movement.idempotency_key,
      parent_idempotency_key: parent?.idempotency_key ?? null,
      external_ref: applied.movement.external_ref,
      replayed: applied.replayed,
    }
    const undo: Undo | undefined = applied.replayed
      ? undefined
      : {
          budget_key_id: input.budget_key_id,
          movement_id: applied.movement.id,
          amount: applied.movement.amount,
          idempotency_key: input.idempotency_key,
          reference_id: input.reference_id,
        }
    return new StepResponse(result, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    await service.applyMovement({
      budget_key_id: undo.budget_key_id,
      type: "reversal",
      amount: undo.amount,
      parent_id: undo.movement_id,
      reference_type: "requisition",
      reference_id: undo.reference_id,
      idempotency_key: `${undo.idempotency_key}:compensacion`,
    })
  },
)
