import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import type { RoleGrantInput } from "../types"
import { validateRoleGrants } from "./validate-role-grants"

export type GrantRolesStepInput = {
  person_id: string
  roles: RoleGrantInput[]
  granted_by: string | null
}

export const grantRolesStepId = "organizations-grant-roles"
/**
 * This step grants roles to an existing person, with the same rules as at
 * creation (the person's actor type cannot change).
 */
export const grantRolesStep = createStep(
  grantRolesStepId,
  async (input: GrantRolesStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const [person] = await service.listPeople({ id: input.person_id }, { relations: ["organization"], take: 1 })
    if (!person) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `La persona ${input.person_id} no existe.`, "PERSONA_NO_EXISTE")
    }
    const { roles } = await validateRoleGrants(service, person.organization.id, input.roles, person.actor_type)
    const created = await service.createRoleAssignments(
      roles.map((r) => ({
        person_id: person.id,
        role: r.role,
        unit_id: r.unit_id ?? null,
        valid_from: new Date(r.valid_from),
        valid_until: r.valid_until ? new Date(r.valid_until) : null,
        granted_by: input.granted_by,
      })),
    )
    return new StepResponse(
      created,
      created.map((c) => c.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    await service.deleteRoleAssignments(ids)
  },
)
