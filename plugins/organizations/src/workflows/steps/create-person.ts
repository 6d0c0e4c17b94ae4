import { generateEntityId } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"
import type { ValidatedPerson } from "../types"

export type CreatePersonStepInput = {
  person: ValidatedPerson
  /** Id of the admin user or customer; null for custom actor types. */
  actor_id: string | null
}

export const createPersonStepId = "organizations-create-person"
/**
 * This step creates a person with their role assignments. For the custom
 * actor types (supplier, observer, auditor) the actor id is the person id.
 */
export const createPersonStep = createStep(
  createPersonStepId,
  async ({ person, actor_id }: CreatePersonStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const id = generateEntityId(undefined, "per")
    const created = await service.createPeople({
      id,
      organization_id: person.organization_id,
      full_name: person.full_name,
      email: person.email,
      rfc: person.rfc,
      position: person.position ?? null,
      actor_type: person.actor_type,
      actor_id: actor_id ?? id,
    })
    await service.createRoleAssignments(
      person.roles.map((r) => ({
        person_id: created.id,
        role: r.role,
        unit_id: r.unit_id ?? null,
        valid_from: new Date(r.valid_from),
        valid_until: r.valid_until ? new Date(r.valid_until) : null,
        granted_by: person.granted_by ?? null,
      })),
    )
    return new StepResponse(created, created.id)
  },
  async (personId, { container }) => {
    if (!personId) {
      return
    }
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const assignments = await service.listRoleAssignments({ person_id: personId })
    await service.deleteRoleAssignments(assignments.map((a) => a.id))
    await service.deletePeople(personId)
  },
)
