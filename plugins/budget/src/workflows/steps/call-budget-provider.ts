import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ClcDeduction } from "../../budget-systems/types"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { BUDGET_ERRORS } from "../../utils/errors"
import type { RecordedMovement, ValidatedBudgetKey } from "../types"

export type CallBudgetProviderStepInput = {
  key: ValidatedBudgetKey
  movement: RecordedMovement
  operation: "reserve" | "commit" | "release" | "accrue" | "requestClc"
  reference_type: string
  reference_id: string
  beneficiary_rfc?: string | null
  beneficiary_clabe?: string | null
  net_amount?: string | null
  deductions?: ClcDeduction[] | null
}

type Undo = { provider: ValidatedBudgetKey["provider"]; idempotency_key: string } | null
/**
 * `recovered`: the movement was recorded by an earlier run that never got
 * the budget system's answer (the server died or the call failed before
 * `setExternalRef`); this run finished it with the same idempotency key, so
 * what the earlier run never did after the call (its audit entry) is still due.
 */
type Out = { folio: string | null; recovered: boolean }

export const callBudgetProviderStepId = "budget-call-budget-provider"
/**
 * This step mirrors the movement in the key's budget system (SICOP/SIAFF;
 * nothing for own resources) with the movement's idempotency key, retrying
 * 5xx and timeouts. If it cannot get an answer it cancels the operation by
 * key before failing, so no orphan is left behind. Compensation: cancel the
 * operation in the external system (not when this run replayed a movement
 * an earlier run recorded: it finishes that run's call, it does not own it).
 */
export const callBudgetProviderStep = createStep<CallBudgetProviderStepInput, Out, Undo>(
  callBudgetProviderStepId,
  async (input: CallBudgetProviderStepInput, { container }) => {
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const provider = await service.getProvider(input.key.provider)
    if (input.key.provider === "own_resources" || (input.movement.replayed && input.movement.external_ref)) {
      return new StepResponse<Out, Undo>({ folio: input.movement.external_ref, recovered: false }, null)
    }
    const op = {
      idempotency_key: input.movement.idempotency_key,
      clave: input.key.clave,
      amount: input.movement.amount,
      origin_key: input.movement.parent_idempotency_key,
      reference_type: input.reference_type,
      reference_id: input.reference_id,
      beneficiary_rfc: input.beneficiary_rfc ?? null,
      beneficiary_clabe: input.beneficiary_clabe ?? null,
      net_amount: input.net_amount ?? null,
      deductions: input.deductions ?? null,
    }
    try {
      const result = await provider[input.operation](op)
      await service.setExternalRef(input.movement.id, result.folio)
      // A replay does not own the operation (the run that recorded it does,
      // or it died): if this run fails later, it must not cancel it.
      return new StepResponse<Out, Undo>(
        { folio: result.folio, recovered: input.movement.replayed },
        input.movement.replayed ? null : { provider: input.key.provider, idempotency_key: op.idempotency_key },
      )
    } catch (e) {
      if (
        !input.movement.replayed &&
        e instanceof MedusaError &&
        (e as MedusaError & { code?: string }).code === BUDGET_ERRORS.EXTERNAL_UNAVAILABLE
      ) {
        // Ambiguous outcome: the operation may have been applied. Cancel it by
        // key (a replay leaves it to the next retry: its movement stays).
        await provider.cancel(op.idempotency_key).catch(() => undefined)
      }
      throw e
    }
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    await (await service.getProvider(undo.provider)).cancel(undo.idempotency_key)
  },
)
