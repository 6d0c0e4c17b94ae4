import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import type { CreateOrganizationInput } from "../types"

export const createOrganizationStepId = "organizations-create-organization"
/**
 * This step creates an organization (SHCP, agency or supplier).
 */
export const createOrganizationStep = createStep(
  createOrganizationStepId,
  async (input: Omit<CreateOrganizationInput, "units">, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const organization = await service.createOrganizations(input)
    return new StepResponse(organization, organization.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    await service.deleteOrganizations(id)
  },
)
