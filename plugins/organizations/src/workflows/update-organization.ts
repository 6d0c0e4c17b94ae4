import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { updateOrganizationStep, type UpdateOrganizationStepInput } from "./steps/update-organization"

export type UpdateOrganizationWorkflowInput = UpdateOrganizationStepInput & {
  /** Who changes it (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const updateOrganizationWorkflowId = "organizations-update-organization"
/**
 * This workflow changes an organization's registry data (name, state, size,
 * contact, active or not), with the before and after in the audit ledger.
 */
export const updateOrganizationWorkflow = createWorkflow(
  updateOrganizationWorkflowId,
  (input: WorkflowData<UpdateOrganizationWorkflowInput>) => {
    const updated = updateOrganizationStep(input)
    appendAuditEntryStep(
      transform({ updated, input }, ({ updated, input }) =>
        auditDraft(input.actor, updateOrganizationWorkflowId, {
          action: "organization.updated",
          entity_type: "organization",
          entity_id: updated.organization.id,
          before: updated.previous,
          after: input.changes,
          details: { fields: Object.keys(input.changes) },
        }),
      ),
    )
    const organization = transform({ updated }, ({ updated }) => updated.organization)
    return new WorkflowResponse(organization)
  },
)
