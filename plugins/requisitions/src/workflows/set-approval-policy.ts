import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { createPolicyVersionStep, type PolicyInput } from "./steps/create-policy-version"

export const setApprovalPolicyWorkflowId = "requisitions-set-approval-policy"

/** This workflow publishes a new version of an agency's approval policy. */
export const setApprovalPolicyWorkflow = createWorkflow(
  setApprovalPolicyWorkflowId,
  (input: WorkflowData<PolicyInput & { actor_type: string }>) => {
    const policy = createPolicyVersionStep(input)
    appendAuditEntryStep(
      transform({ input, policy }, ({ input, policy }) => ({
        actor_type: input.actor_type,
        actor_id: input.created_by,
        action: "approval_policy.versioned",
        entity_type: "approval_policy",
        entity_id: policy.id,
        after: policy,
        details: { organization_id: input.organization_id, version: policy.version },
      })),
    )
    return new WorkflowResponse(policy)
  },
)
