import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createOrganizationStep } from "./steps/create-organization"
import { createUnitsStep } from "./steps/create-units"
import { validateOrganizationStep } from "./steps/validate-organization"
import type { CreateOrganizationInput, UnitInput } from "./types"

export type CreateOrganizationWorkflowInput = CreateOrganizationInput & {
  units?: UnitInput[]
}

export const createOrganizationWorkflowId = "organizations-create-organization"
/**
 * This workflow registers an organization (SHCP, agency or supplier) with
 * validated RFC and fiscal data, and the agency's units.
 */
export const createOrganizationWorkflow = createWorkflow(
  createOrganizationWorkflowId,
  (input: WorkflowData<CreateOrganizationWorkflowInput>) => {
    const data = transform({ input }, ({ input }) => {
      const { units, ...org } = input
      void units
      return org
    })
    const validated = validateOrganizationStep(data)
    const organization = createOrganizationStep(validated)
    createUnitsStep(
      transform({ organization, input }, ({ organization, input }) => ({
        organization_id: organization.id,
        units: input.units ?? [],
      }))
    )
    return new WorkflowResponse(organization)
  }
)
