import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { BUDGET_ERRORS } from "../../utils/errors"
import type { ValidatedBudgetKey } from "../types"

export type ValidateBudgetKeyStepInput = {
  budget_key_id: string
  organization_id: string | null
  unit_ids?: string[] | null
}

export const validateBudgetKeyStepId = "budget-validate-budget-key"
/**
 * This step checks that the budget key exists, is active and belongs to the
 * caller's agency and units (404 / 403 with a Spanish message otherwise).
 */
export const validateBudgetKeyStep = createStep(validateBudgetKeyStepId, async (input: ValidateBudgetKeyStepInput, { container }) => {
  const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
  const key = await service.getKeyHeader(input.budget_key_id)
  if (!key) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `La clave presupuestal ${input.budget_key_id} no existe.`,
      BUDGET_ERRORS.KEY_NOT_FOUND,
    )
  }
  const outOfUnits = !!input.unit_ids && key.unit_id !== null && !input.unit_ids.includes(key.unit_id)
  if ((input.organization_id && key.organization_id !== input.organization_id) || outOfUnits) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "La clave presupuestal pertenece a otra dependencia o a una unidad fuera de tu alcance; solo puedes usar las claves de tu dependencia y tus unidades.",
      BUDGET_ERRORS.KEY_OTHER_AGENCY,
    )
  }
  if (!key.is_active) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `La clave presupuestal ${key.clave} está inactiva.`, BUDGET_ERRORS.KEY_INACTIVE)
  }
  const result: ValidatedBudgetKey = {
    id: key.id,
    clave: key.clave,
    organization_id: key.organization_id,
    provider: key.provider,
  }
  return new StepResponse(result)
})
