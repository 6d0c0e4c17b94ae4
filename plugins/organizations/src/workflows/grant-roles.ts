import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { grantRolesStep, type GrantRolesStepInput } from "./steps/grant-roles"

export type GrantRolesWorkflowInput = GrantRolesStepInput & {
  /** Who grants them (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const grantRolesWorkflowId = "organizations-grant-roles"
/**
 * This workflow grants one or more roles to a person.
 */
export const grantRolesWorkflow = createWorkflow(grantRolesWorkflowId, (input: WorkflowData<GrantRolesWorkflowInput>) => {
  const assignments = grantRolesStep(input)
  appendAuditEntryStep(
    transform({ assignments, input }, ({ assignments, input }) =>
      auditDraft(input.actor, grantRolesWorkflowId, {
        action: "person.roles_granted",
        entity_type: "person",
        entity_id: input.person_id,
        after: assignments,
        details: { assignments: assignments.map((a) => ({ id: a.id, role: a.role, unit_id: a.unit_id ?? null })) },
      }),
    ),
  )
  return new WorkflowResponse(assignments)
})
