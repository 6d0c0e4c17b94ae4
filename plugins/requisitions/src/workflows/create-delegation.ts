import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { createDelegationRecordStep, type DelegationInput } from "./steps/create-delegation-record"

export const createDelegationWorkflowId = "requisitions-create-delegation"

/** This workflow lets an approver delegate one approval role for a period. */
export const createDelegationWorkflow = createWorkflow(createDelegationWorkflowId, (input: WorkflowData<DelegationInput>) => {
  const delegation = createDelegationRecordStep(input)
  appendAuditEntryStep(
    transform({ input, delegation }, ({ input, delegation }) => ({
      actor_type: input.access.actor_type,
      actor_id: input.access.person_id,
      role: input.role,
      action: "delegation.created",
      entity_type: "delegation",
      entity_id: delegation.id,
      after: delegation,
      details: { delegate: input.delegate_person_id, starts_at: input.starts_at, ends_at: input.ends_at },
    })),
  )
  return new WorkflowResponse(delegation)
})
