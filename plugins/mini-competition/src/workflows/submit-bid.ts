import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { competitionLockKey } from "./steps/service"
import { planBidStep, type PlanBidInput } from "./steps/plan-bid"
import { replaceBidStep } from "./steps/replace-bid"

export type SubmitBidWorkflowInput = PlanBidInput & { actor: AuditActor }

/**
 * This workflow receives a supplier's sealed bid (or its replacement) before
 * the deadline. Only the commitment is recorded in the audit ledger and
 * returned, with the nonce the supplier needs to check it; the contents are
 * encrypted at rest and nothing reveals them before the opening. One bid at
 * a time per supplier and competition (lock).
 */
export const submitBidWorkflowId = "mini-competition-submit-bid"
export const submitBidWorkflow = createWorkflow(submitBidWorkflowId, (input: WorkflowData<SubmitBidWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const plan = planBidStep(input)
  const bid = replaceBidStep(
    transform({ input, plan }, ({ input, plan }) => ({
      competition_id: plan.competition_id,
      supplier_id: input.supplier_id,
      person_id: input.person_id,
      previous_id: plan.previous_id,
      sealed: plan.sealed,
      submitted_at: plan.submitted_at,
    })),
  )
  appendAuditEntryStep(
    transform({ input, plan, bid }, ({ input, plan, bid }) =>
      auditDraft(input.actor, "mini-competition", {
        action: plan.previous_id ? "competition.bid_replaced" : "competition.bid_submitted",
        entity_type: "competition_bid",
        entity_id: bid.id,
        details: {
          competition_id: plan.competition_id,
          number: plan.number,
          supplier_id: input.supplier_id,
          commitment: plan.sealed.commitment,
          replaces_bid_id: plan.previous_id,
        },
      }),
    ),
  )
  releaseLockStep({ key: lockKey })
  const result = transform({ plan, bid }, ({ plan, bid }) => ({
    id: bid.id,
    competition_id: plan.competition_id,
    commitment: plan.sealed.commitment,
    nonce: plan.sealed.nonce,
    submitted_at: bid.submitted_at,
    replaces_bid_id: plan.previous_id,
  }))
  return new WorkflowResponse(result)
})
