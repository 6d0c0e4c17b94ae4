import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"

/** What the system administrator may change of an organization (RFC and fiscal data stay as SAT has them). */
export type OrganizationChanges = {
  legal_name?: string
  short_name?: string | null
  state_code?: string | null
  ramo?: string | null
  agency_type?: "dependencia" | "entidad" | "organo_desconcentrado" | null
  sme_size?: "micro" | "pequena" | "mediana" | "grande" | null
  email?: string | null
  phone?: string | null
  is_active?: boolean
}

export type UpdateOrganizationStepInput = { organization_id: string; changes: OrganizationChanges }

export const updateOrganizationStepId = "organizations-update-organization"
/**
 * This step changes an organization's registry data, keeping the previous
 * values for its compensation. The SHCP itself cannot be deactivated.
 */
export const updateOrganizationStep = createStep(
  updateOrganizationStepId,
  async (input: UpdateOrganizationStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const org = await service.retrieveOrganization(input.organization_id)
    if (org.kind === "shcp" && input.changes.is_active === false) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "La SHCP no puede darse de baja del padrón.", "SHCP_NO_SE_DESACTIVA")
    }
    const fields = Object.keys(input.changes) as (keyof OrganizationChanges)[]
    const previous = Object.fromEntries([["id", org.id], ...fields.map((f) => [f, org[f]])])
    const updated = await service.updateOrganizations({ id: org.id, ...input.changes })
    return new StepResponse({ organization: updated, previous }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE).updateOrganizations(previous as { id: string })
  },
)
