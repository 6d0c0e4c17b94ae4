import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { commitBudgetWorkflow, releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { evaluateAmendmentCommitmentStep, type AmendmentCommitmentInput } from "./steps/evaluate-amendment-commitment"

export type AdjustAmendmentCommitmentWorkflowInput = AmendmentCommitmentInput

export const adjustAmendmentCommitmentWorkflowId = "requisitions-adjust-amendment-commitment"

/**
 * This workflow runs when a convenio modificatorio enters into force (both
 * e.firma signatures, in the signing request): it commits the increase of
 * the contract's total with IVA from the key's disponible (sufficiency
 * checked under the key's row lock; SICOP/SIAFF compromiso) or releases the
 * decrease from the contract's commitment, and records it in the audit
 * ledger. Every step compensates itself; if one fails the sign workflow
 * compensates the signature too: the amendment does not come into force.
 */
export const adjustAmendmentCommitmentWorkflow = createWorkflow(
  adjustAmendmentCommitmentWorkflowId,
  (input: WorkflowData<AdjustAmendmentCommitmentWorkflowInput>) => {
    const plan = evaluateAmendmentCommitmentStep(input)
    when("commit-amendment-increase", { plan }, ({ plan }) => !!plan?.commit).then(() => {
      commitBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan!.commit!) })
    })
    when("release-amendment-decrease", { plan }, ({ plan }) => !!plan?.release).then(() => {
      releaseBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan!.release!) })
    })
    when("audit-amendment-commitment", { plan }, ({ plan }) => !!plan && (!!plan.commit || !!plan.release)).then(() => {
      appendAuditEntryStep(
        transform({ input, plan }, ({ input, plan }) => ({
          actor_type: input.actor.actor_type,
          actor_id: input.actor.actor_id,
          role: input.actor.role,
          action: "specific_contract.commitment_adjusted",
          entity_type: "specific_contract",
          entity_id: plan!.contract.id,
          before: { committed: plan!.previous_total },
          after: { committed: plan!.amendment.total },
          details: { contract: plan!.contract.number, amendment: plan!.amendment.number, delta: plan!.delta },
        })),
      )
    })
    return new WorkflowResponse(plan)
  },
)
