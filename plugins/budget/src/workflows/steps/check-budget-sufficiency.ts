import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { BUDGET_ERRORS } from "../../utils/errors"
import { isPositiveAmount, toCentavos } from "../../utils/money"
import type { ValidatedBudgetKey } from "../types"

export type CheckBudgetSufficiencyStepInput = { key: ValidatedBudgetKey; amount: string }

export type BudgetSufficiency = {
  budget_key_id: string
  clave: string
  requested: string
  disponible: string
  /** Available in SICOP/SIAFF when the key uses it (the smaller one decides). */
  disponible_externo: string | null
  sufficient: boolean
}

export const checkBudgetSufficiencyStepId = "budget-check-budget-sufficiency"
/**
 * This step compares an amount with the key's disponible (read-only): our
 * ledger, and SICOP/SIAFF's answer when the key uses it.
 */
export const checkBudgetSufficiencyStep = createStep(
  checkBudgetSufficiencyStepId,
  async ({ key, amount }: CheckBudgetSufficiencyStepInput, { container }) => {
    if (!isPositiveAmount(amount)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `El importe «${amount}» no es válido: debe ser mayor que cero y tener a lo más dos decimales.`,
        BUDGET_ERRORS.INVALID_AMOUNT,
      )
    }
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const balances = await service.getBalances(key.id)
    const local = balances!.disponible
    const external = await (await service.getProvider(key.provider)).availability(key.clave)
    const effective = external !== null && MathBN.lt(external, local) ? external : local
    const result: BudgetSufficiency = {
      budget_key_id: key.id,
      clave: key.clave,
      requested: toCentavos(amount),
      disponible: toCentavos(local),
      disponible_externo: external === null ? null : toCentavos(external),
      sufficient: MathBN.gte(effective, amount),
    }
    return new StepResponse(result)
  },
)
