import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE } from "../../modules/budget"
import type BudgetModuleService from "../../modules/budget/service"
import { BUDGET_ERRORS } from "../../utils/errors"
import { isPositiveAmount, toCentavos } from "../../utils/money"

export type CreateBudgetKeyInput = {
  organization_id: string
  unit_id?: string | null
  fiscal_year: number
  ramo: string
  unidad_responsable: string
  programa_presupuestario: string
  partida_especifica: string
  fuente_financiamiento: string
  entidad_federativa: string
  description?: string | null
  provider: "own_resources" | "sicop_siaff"
  aprobado: string
}

/** The clave as one string: year-ramo-UR-Pp-partida-fuente-entidad. */
export function composeClave(k: CreateBudgetKeyInput): string {
  return [
    k.fiscal_year,
    k.ramo,
    k.unidad_responsable,
    k.programa_presupuestario,
    k.partida_especifica,
    k.fuente_financiamiento,
    k.entidad_federativa,
  ].join("-")
}

export const createBudgetKeysStepId = "budget-create-budget-keys"
/**
 * This step creates budget keys; a partida must be a 5-digit COG partida
 * específica and the amount positive. Compensation deletes them.
 */
export const createBudgetKeysStep = createStep(
  createBudgetKeysStepId,
  async (keys: CreateBudgetKeyInput[], { container }) => {
    for (const k of keys) {
      if (!/^\d{5}$/.test(k.partida_especifica)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `La partida «${k.partida_especifica}» no es una partida específica del COG (5 dígitos).`,
          "PARTIDA_INVALIDA",
        )
      }
      if (!isPositiveAmount(k.aprobado)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `El importe aprobado «${k.aprobado}» no es válido.`,
          BUDGET_ERRORS.INVALID_AMOUNT,
        )
      }
    }
    const service = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const created = await service.createBudgetKeys(
      keys.map((k) => ({
        ...k,
        clave: composeClave(k),
        // bigNumber columns take exact decimal strings at runtime.
        aprobado: toCentavos(k.aprobado) as unknown as number,
        modificado: toCentavos(k.aprobado) as unknown as number,
      })),
    )
    return new StepResponse(
      created.map((c) => ({ id: c.id, clave: c.clave })),
      created.map((c) => c.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<BudgetModuleService>(BUDGET_MODULE).deleteBudgetKeys(ids)
  },
)
