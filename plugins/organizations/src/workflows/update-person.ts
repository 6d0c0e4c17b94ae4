import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { updatePersonStep, type UpdatePersonStepInput } from "./steps/update-person"

export type UpdatePersonWorkflowInput = UpdatePersonStepInput & {
  /** Who changes it (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const updatePersonWorkflowId = "organizations-update-person"
/**
 * This workflow changes a person's registry data (name, position, active or
 * not), with the before and after in the audit ledger.
 */
export const updatePersonWorkflow = createWorkflow(updatePersonWorkflowId, (input: WorkflowData<UpdatePersonWorkflowInput>) => {
  const updated = updatePersonStep(input)
  appendAuditEntryStep(
    transform({ updated, input }, ({ updated, input }) =>
      auditDraft(input.actor, updatePersonWorkflowId, {
        action: "person.updated",
        entity_type: "person",
        entity_id: updated.person.id,
        before: updated.previous,
        after: input.changes,
        details: { fields: Object.keys(input.changes) },
      }),
    ),
  )
  const person = transform({ updated }, ({ updated }) => updated.person)
  return new WorkflowResponse(person)
})
