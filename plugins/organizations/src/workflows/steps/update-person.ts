import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ORGANIZATION_MODULE } from "../../modules/organization"
import type OrganizationModuleService from "../../modules/organization/service"

/** What the system administrator may change of a person (e-mail, RFC and login stay: they identify the account). */
export type PersonChanges = { full_name?: string; position?: string | null; is_active?: boolean }

export type UpdatePersonStepInput = { person_id: string; changes: PersonChanges }

export const updatePersonStepId = "organizations-update-person"
/**
 * This step changes a person's registry data, keeping the previous values for
 * its compensation. A deactivated person's tokens stop at the next request
 * (the guard reads `is_active` every time).
 */
export const updatePersonStep = createStep(
  updatePersonStepId,
  async (input: UpdatePersonStepInput, { container }) => {
    const service = container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE)
    const person = await service.retrievePerson(input.person_id)
    const fields = Object.keys(input.changes) as (keyof PersonChanges)[]
    const previous = Object.fromEntries([["id", person.id], ...fields.map((f) => [f, person[f]])])
    const updated = await service.updatePeople({ id: person.id, ...input.changes })
    return new StepResponse({ person: updated, previous }, previous)
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<OrganizationModuleService>(ORGANIZATION_MODULE).updatePeople(previous as { id: string })
  },
)
