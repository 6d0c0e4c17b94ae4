import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { budgetError, BUDGET_ERRORS } from "../../utils/errors"

export type EvaluateManualReleaseStepInput = { reservation_id: string; organization_id: string }
export type ManualRelease = { budget_key_id: string; amount: string; reference_id: string }

export const evaluateManualReleaseStepId = "budget-evaluate-manual-release"
/**
 * This step decides what releasing a manual reservation by hand frees: the
 * reservation must be the caller agency's, made by hand (a requisition's or
 * a contract's is released by its own procedure), and still hold money. Read only.
 */
export const evaluateManualReleaseStep = createStep(
  evaluateManualReleaseStepId,
  async (input: EvaluateManualReleaseStepInput, { container }) => {
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const [reservation] = await service.listBudgetMovements({ id: input.reservation_id, type: "reserve" }, { take: 1 })
    const key = reservation ? await service.getKeyHeader(reservation.budget_key_id as string) : null
    if (!reservation || !key || key.organization_id !== input.organization_id) {
      throw budgetError("NOT_FOUND", BUDGET_ERRORS.RESERVATION_NOT_FOUND, `La reserva ${input.reservation_id} no existe en tu dependencia.`)
    }
    if (reservation.reference_type !== "manual") {
      throw budgetError(
        "NOT_ALLOWED",
        BUDGET_ERRORS.RESERVATION_OF_PROCEDURE,
        "Esta reserva pertenece a un procedimiento (requisición, contrato o pedido) y se libera con él, p. ej. al retirar la requisición.",
      )
    }
    const amount = await service.remainingOf(reservation.id)
    if (!MathBN.gt(amount, 0)) {
      throw budgetError("CONFLICT", BUDGET_ERRORS.RESERVATION_EMPTY, "Esta reserva ya no tiene saldo por liberar.")
    }
    const release: ManualRelease = { budget_key_id: key.id, amount, reference_id: reservation.reference_id }
    return new StepResponse(release)
  },
)
