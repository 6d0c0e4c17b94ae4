import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { createOrganizationStep } from "./steps/create-organization"
import { createUnitsStep } from "./steps/create-units"
import { validateOrganizationStep } from "./steps/validate-organization"
import type { CreateOrganizationInput, UnitInput } from "./types"

export type CreateOrganizationWorkflowInput = CreateOrganizationInput & {
  units?: UnitInput[]
  /** Who registers it (audit ledger); the system when omitted. */
  actor?: AuditActor | null
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
      const { units, actor, ...org } = input
      void units
      void actor
      return org
    })
    const validated = validateOrganizationStep(data)
    const organization = createOrganizationStep(validated)
    const units = createUnitsStep(
      transform({ organization, input }, ({ organization, input }) => ({
        organization_id: organization.id,
        units: input.units ?? [],
      })),
    )
    appendAuditEntryStep(
      transform({ organization, units, input }, ({ organization, units, input }) =>
        auditDraft(input.actor, createOrganizationWorkflowId, {
          action: "organization.created",
          entity_type: "organization",
          entity_id: organization.id,
          after: { organization, units },
          details: { kind: organization.kind, rfc: organization.rfc, units: units.map((u) => u.code) },
        }),
      ),
    )
    return new WorkflowResponse(organization)
  },
)
