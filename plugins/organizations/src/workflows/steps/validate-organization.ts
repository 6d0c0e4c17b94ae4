import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkRfc } from "../../access/rfc"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import { assertCodigoPostal, assertRegimenFiscal } from "../../access/fiscal"
import type { CreateOrganizationInput } from "../types"

export const validateOrganizationStepId = "organizations-validate-organization"
/**
 * This step checks an organization's RFC (moral for SHCP and agencies),
 * fiscal data and that no other organization has the same RFC.
 */
export const validateOrganizationStep = createStep(validateOrganizationStepId, async (input: CreateOrganizationInput, { container }) => {
  const rfc = checkRfc(input.rfc, input.kind === "supplier" ? undefined : "moral")
  if (!rfc.valid) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, rfc.message, rfc.code)
  }
  assertRegimenFiscal(input.regimen_fiscal, rfc.kind)
  assertCodigoPostal(input.codigo_postal)
  const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
  const [existing] = await service.listOrganizations({ rfc: rfc.rfc }, { take: 1 })
  if (existing) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Ya existe una organización con el RFC ${rfc.rfc} (${existing.legal_name}).`,
      "RFC_DUPLICADO",
    )
  }
  return new StepResponse({ ...input, rfc: rfc.rfc })
})
