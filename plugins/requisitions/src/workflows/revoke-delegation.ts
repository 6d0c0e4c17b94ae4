import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { revokeDelegationRecordStep, type RevokeDelegationInput } from "./steps/revoke-delegation-record"

export const revokeDelegationWorkflowId = "requisitions-revoke-delegation"
/** This workflow lets an approver revoke a delegation they gave; it stops acting at once. */
export const revokeDelegationWorkflow = createWorkflow(revokeDelegationWorkflowId, (input: WorkflowData<RevokeDelegationInput>) => {
  const revoked = revokeDelegationRecordStep(input)
  appendAuditEntryStep(
    transform({ input, revoked }, ({ input, revoked }) => ({
      actor_type: input.access.actor_type,
      actor_id: input.access.person_id,
      role: revoked.before.role,
      action: "delegation.revoked",
      entity_type: "delegation",
      entity_id: revoked.before.id,
      before: revoked.before,
      after: revoked.after,
      details: { delegate: revoked.before.delegate_person_id, reason: input.reason },
    })),
  )
  return new WorkflowResponse(revoked.after)
})
