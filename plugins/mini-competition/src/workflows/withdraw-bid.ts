import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict } from "../competition/errors"
import { assertInvited, assertWindowOpen } from "./steps/plan-bid"
import { ownCompetition } from "./steps/own-competition"
import { competitionLockKey, mc } from "./steps/service"
import { updateBidsStep } from "./steps/update-bids"

export type WithdrawBidWorkflowInput = { competition_id: string; supplier_id: string; actor: AuditActor; at: string }

/** This step finds (read-only) the supplier's live bid, before the deadline. */
export const planWithdrawalStepId = "mini-competition-plan-withdrawal"
export const planWithdrawalStep = createStep(planWithdrawalStepId, async (input: WithdrawBidWorkflowInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, null)
  await assertInvited(container, competition.id, input.supplier_id)
  assertWindowOpen(competition, new Date(input.at))
  const [bid] = await mc(container).listCompetitionBids(
    { competition_id: competition.id, supplier_id: input.supplier_id, status: "sealed" },
    { take: 1 },
  )
  if (!bid) {
    conflict("SIN_PROPUESTA_VIGENTE", "Tu empresa no tiene una propuesta vigente en esta segunda etapa.")
  }
  return new StepResponse({ bid_id: bid.id, commitment: bid.commitment, number: competition.number })
})

/** This workflow withdraws the supplier's live bid before the deadline (its commitment stays on record). */
export const withdrawBidWorkflowId = "mini-competition-withdraw-bid"
export const withdrawBidWorkflow = createWorkflow(withdrawBidWorkflowId, (input: WorkflowData<WithdrawBidWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const plan = planWithdrawalStep(input)
  updateBidsStep(transform({ plan }, ({ plan }) => [{ id: plan.bid_id, status: "withdrawn" }]))
  appendAuditEntryStep(
    transform({ input, plan }, ({ input, plan }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.bid_withdrawn",
        entity_type: "competition_bid",
        entity_id: plan.bid_id,
        details: { competition_id: input.competition_id, number: plan.number, supplier_id: input.supplier_id, commitment: plan.commitment },
      }),
    ),
  )
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(plan)
})
