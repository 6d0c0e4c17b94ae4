import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import type { ValidatedBudgetKey } from "../types"

export type VerifyClcPaidStepInput = {
  key: ValidatedBudgetKey
  /** The exercise movement (its external_ref is the CLC folio). */
  exercise_movement_id: string
  /** For own-resources keys: the SPEI clave de rastreo reported by finance. */
  clave_rastreo?: string | null
}

export type ClcPayment = { clc_folio: string | null; clave_rastreo: string; paid_at: string | null }

export const verifyClcPaidStepId = "budget-verify-clc-paid"
/**
 * This step checks that the CLC was paid (SICOP/SIAFF payment status with the
 * SPEI clave de rastreo); for own resources it requires the clave de rastreo.
 */
export const verifyClcPaidStep = createStep(verifyClcPaidStepId, async (input: VerifyClcPaidStepInput, { container }) => {
  const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
  const exercise = await service.retrieveBudgetMovement(input.exercise_movement_id)
  if (input.key.provider === "own_resources" || !exercise.external_ref) {
    if (!input.clave_rastreo) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Indica la clave de rastreo SPEI del pago.", "CLAVE_RASTREO_REQUERIDA")
    }
    const result: ClcPayment = { clc_folio: exercise.external_ref ?? null, clave_rastreo: input.clave_rastreo, paid_at: null }
    return new StepResponse(result)
  }
  const status = await (await service.getProvider(input.key.provider)).paymentStatus(exercise.external_ref)
  if (status.status !== "pagada" || !status.clave_rastreo) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `La CLC ${exercise.external_ref} aún no está pagada (estado: ${status.status}).`,
      "CLC_NO_PAGADA",
    )
  }
  const result: ClcPayment = { clc_folio: exercise.external_ref, clave_rastreo: status.clave_rastreo, paid_at: status.paid_at }
  return new StepResponse(result)
})
