import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { endRoleAssignmentStep, type EndRoleAssignmentStepInput } from "./steps/end-role-assignment"

export type EndRoleAssignmentWorkflowInput = EndRoleAssignmentStepInput & {
  /** Who revokes it (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const endRoleAssignmentWorkflowId = "organizations-end-role-assignment"
/**
 * This workflow revokes a role from a person as of a date.
 */
export const endRoleAssignmentWorkflow = createWorkflow(
  endRoleAssignmentWorkflowId,
  (input: WorkflowData<EndRoleAssignmentWorkflowInput>) => {
    const assignment = endRoleAssignmentStep(input)
    appendAuditEntryStep(
      transform({ assignment, input }, ({ assignment, input }) =>
        auditDraft(input.actor, endRoleAssignmentWorkflowId, {
          action: "role_assignment.ended",
          entity_type: "role_assignment",
          entity_id: input.id,
          after: assignment,
          details: { person_id: assignment.person_id, role: assignment.role, ended_at: input.ended_at },
        }),
      ),
    )
    return new WorkflowResponse(assignment)
  },
)
