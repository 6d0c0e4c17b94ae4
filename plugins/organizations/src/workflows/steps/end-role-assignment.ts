import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"

export type EndRoleAssignmentStepInput = { id: string; ended_at: string }

export const endRoleAssignmentStepId = "organizations-end-role-assignment"
/**
 * This step ends a role assignment by closing its validity period; the row
 * stays, so who held which role when is never lost.
 */
export const endRoleAssignmentStep = createStep(
  endRoleAssignmentStepId,
  async (input: EndRoleAssignmentStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const [assignment] = await service.listRoleAssignments({ id: input.id }, { take: 1 })
    if (!assignment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La asignación de rol ${input.id} no existe.`, "ASIGNACION_NO_EXISTE")
    }
    const endedAt = new Date(input.ended_at)
    if (assignment.valid_until && new Date(assignment.valid_until) <= endedAt) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "La asignación de rol ya no está vigente.", "ASIGNACION_YA_TERMINADA")
    }
    const updated = await service.updateRoleAssignments({
      id: assignment.id,
      valid_until: endedAt,
    })
    return new StepResponse(updated, {
      id: assignment.id,
      valid_until: assignment.valid_until,
    })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    await service.updateRoleAssignments({
      id: previous.id,
      valid_until: previous.valid_until ? new Date(previous.valid_until) : null,
    })
  },
)
