import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "../audit"
import { setRolePermissionsStep, type SetRolePermissionsStepInput } from "./steps/set-role-permissions"

export type SetRolePermissionsWorkflowInput = SetRolePermissionsStepInput & {
  /** Who changes the matrix (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const setRolePermissionsWorkflowId = "organizations-set-role-permissions"
/**
 * This workflow sets the permissions of a role in the role-permission matrix.
 */
export const setRolePermissionsWorkflow = createWorkflow(
  setRolePermissionsWorkflowId,
  (input: WorkflowData<SetRolePermissionsWorkflowInput>) => {
    const result = setRolePermissionsStep(input)
    appendAuditEntryStep(
      transform({ result, input }, ({ result, input }) =>
        auditDraft(input.actor, setRolePermissionsWorkflowId, {
          action: "role_permissions.set",
          entity_type: "role",
          entity_id: result.role,
          after: result,
          details: { permissions: result.permissions },
        }),
      ),
    )
    return new WorkflowResponse(result)
  },
)
