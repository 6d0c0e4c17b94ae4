import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCodigoPostal, assertStateCode } from "../../access/fiscal"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import type { UnitInput } from "../types"

export type CreateUnitsStepInput = {
  organization_id: string
  units: UnitInput[]
}

export const createUnitsStepId = "organizations-create-units"
/**
 * This step creates units in an agency, after checking the agency exists,
 * is an agency, and the unit codes are new.
 */
export const createUnitsStep = createStep(
  createUnitsStepId,
  async (input: CreateUnitsStepInput, { container }) => {
    if (!input.units?.length) {
      return new StepResponse([], [])
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const org = await service.retrieveOrganization(input.organization_id)
    if (org.kind !== "agency") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Solo las dependencias y entidades tienen unidades administrativas.",
        "UNIDADES_SOLO_EN_DEPENDENCIAS",
      )
    }
    const codes = input.units.map((u) => u.code)
    if (new Set(codes).size !== codes.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Hay claves de unidad repetidas en la solicitud.", "CLAVE_UNIDAD_REPETIDA")
    }
    const existing = await service.listOrganizationUnits({
      organization_id: input.organization_id,
      code: codes,
    })
    if (existing.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `La unidad con clave ${existing[0].code} ya existe en ${org.legal_name}.`,
        "CLAVE_UNIDAD_DUPLICADA",
      )
    }
    for (const u of input.units) {
      assertStateCode(u.state_code)
      assertCodigoPostal(u.codigo_postal)
    }
    const units = await service.createOrganizationUnits(input.units.map((u) => ({ ...u, organization_id: input.organization_id })))
    return new StepResponse(
      units,
      units.map((u) => u.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    await service.deleteOrganizationUnits(ids)
  },
)
