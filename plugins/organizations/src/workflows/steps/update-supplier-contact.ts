import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"

export type UpdateSupplierContactStepInput = {
  organization_id: string
  email?: string | null
  phone?: string | null
}

export const updateSupplierContactStepId = "organizations-update-supplier-contact"
/**
 * This step updates a supplier's contact data (fiscal data changes go
 * through the system administrator, since they must match SAT records).
 */
export const updateSupplierContactStep = createStep(
  updateSupplierContactStepId,
  async (input: UpdateSupplierContactStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const org = await service.retrieveOrganization(input.organization_id)
    if (org.kind !== "supplier") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Solo los proveedores actualizan sus datos de contacto por esta vía.",
        "NO_ES_PROVEEDOR",
      )
    }
    const previous = { id: org.id, email: org.email, phone: org.phone }
    const updated = await service.updateOrganizations({
      id: org.id,
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
    })
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    await service.updateOrganizations(previous)
  },
)
