import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { planOpeningStep } from "./steps/plan-opening"
import { competitionLockKey } from "./steps/service"
import { updateBidsStep } from "./steps/update-bids"
import { updateCompetitionStep } from "./steps/update-competition"
import { updateInvitationsStep } from "./steps/update-invitations"

export type OpenCompetitionWorkflowInput = { competition_id: string; at: string; actor?: AuditActor | null }

/**
 * This workflow opens a competition at its deadline (run by the scheduled
 * job, not by a person): reveals and verifies every sealed bid, evaluates
 * them and proposes the award — or declares the competition deserted when
 * the rules' minimum of valid bids is not met, or, when its rules say
 * `reinvite` (one new round), keeps every bid sealed, invites every
 * eligible supplier again and sets a new deadline (`competition.reinvited`).
 * Tampered bids are recorded as such in the bid and in the audit ledger.
 */
export const openCompetitionWorkflowId = "mini-competition-open"
export const openCompetitionWorkflow = createWorkflow(openCompetitionWorkflowId, (input: WorkflowData<OpenCompetitionWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const plan = planOpeningStep(input)
  updateBidsStep(
    transform({ plan }, ({ plan }) =>
      plan.updates.map((u) => ({
        ...u,
        revealed: u.revealed as unknown as Record<string, unknown> | null,
        findings: u.findings as unknown as Record<string, unknown>[],
      })),
    ),
  )
  updateInvitationsStep(
    transform({ plan }, ({ plan }) => ({ competition_id: plan.competition_id, invitations: plan.reinvitation?.invitations ?? [] })),
  )
  const competition = updateCompetitionStep(
    transform({ plan }, ({ plan }) =>
      plan.reinvitation
        ? {
            id: plan.competition_id,
            status: "bidding",
            bid_deadline: plan.reinvitation.bid_deadline,
            round: plan.reinvitation.round,
            rounds: plan.reinvitation.rounds,
          }
        : {
            id: plan.competition_id,
            status: plan.evaluation.outcome === "deserted" ? "deserted" : "opened",
            opened_at: plan.opened_at,
            evaluation: plan.evaluation,
            deserted_reason: plan.evaluation.outcome === "deserted" ? plan.evaluation.rationale : null,
          },
    ),
  )
  appendAuditEntryStep(
    transform({ input, plan }, ({ input, plan }) =>
      plan.reinvitation
        ? auditDraft(input.actor, "mini-competition-open-due", {
            action: "competition.reinvited",
            entity_type: "competition",
            entity_id: plan.competition_id,
            after: {
              round: plan.reinvitation.round,
              bid_deadline: plan.reinvitation.bid_deadline,
              closed_round: plan.reinvitation.rounds[plan.reinvitation.rounds.length - 1],
            },
            details: {
              number: plan.number,
              round: plan.reinvitation.round,
              bid_deadline: new Date(plan.reinvitation.bid_deadline).toISOString(),
              invited: plan.reinvitation.invitations.filter((i) => i.status === "invited").map((i) => i.supplier_id),
              not_eligible: plan.reinvitation.invitations
                .filter((i) => i.status === "not_eligible")
                .map((i) => ({ supplier_id: i.supplier_id, codes: i.reasons.map((r) => r.code) })),
            },
          })
        : auditDraft(input.actor, "mini-competition-open-due", {
            action: plan.evaluation.outcome === "deserted" ? "competition.opened_deserted" : "competition.opened",
            entity_type: "competition",
            entity_id: plan.competition_id,
            after: plan.evaluation,
            details: {
              number: plan.number,
              bids: plan.updates.length,
              valid: plan.evaluation.valid_count,
              tampered: plan.updates.filter((u) => u.status === "tampered").map((u) => u.id),
              proposed_winner: plan.evaluation.winner,
              rationale: plan.evaluation.rationale,
            },
          }),
    ),
  )
  emitEventStep({
    eventName: "mini_competition.opened",
    data: transform({ plan }, ({ plan }) => ({
      id: plan.competition_id,
      outcome: plan.reinvitation ? "reinvited" : plan.evaluation.outcome,
    })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(competition)
})
