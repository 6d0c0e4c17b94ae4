import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { createInvitationsStep } from "./steps/create-invitations"
import { planPublicationStep } from "./steps/plan-publication"
import { competitionLockKey } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type PublishCompetitionWorkflowInput = {
  competition_id: string
  organization_id: string
  person_id: string
  actor: AuditActor
  at: string
}

/**
 * This workflow publishes a draft competition: invites every eligible
 * supplier of the lot serving the delivery state (the others are recorded
 * with their reasons), fixes the bid deadline in Mexican business days and
 * opens the bidding window. Emits `mini_competition.published` (ids only).
 */
export const publishCompetitionWorkflowId = "mini-competition-publish"
export const publishCompetitionWorkflow = createWorkflow(
  publishCompetitionWorkflowId,
  (input: WorkflowData<PublishCompetitionWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const plan = planPublicationStep(input)
    createInvitationsStep(transform({ plan }, ({ plan }) => ({ competition_id: plan.competition_id, invitations: plan.invitations })))
    const competition = updateCompetitionStep(
      transform({ plan }, ({ plan }) => ({
        id: plan.competition_id,
        status: "bidding",
        rules: plan.rules as unknown as Record<string, unknown>,
        published_at: plan.published_at,
        bid_deadline: plan.bid_deadline,
      })),
    )
    appendAuditEntryStep(
      transform({ input, plan }, ({ input, plan }) =>
        auditDraft(input.actor, "mini-competition", {
          action: "competition.published",
          entity_type: "competition",
          entity_id: plan.competition_id,
          after: { invitations: plan.invitations, bid_deadline: plan.bid_deadline, rules: plan.rules },
          details: {
            number: plan.number,
            invited: plan.invitations.filter((i) => i.status === "invited").map((i) => i.supplier_id),
            not_eligible: plan.invitations
              .filter((i) => i.status === "not_eligible")
              .map((i) => ({ supplier_id: i.supplier_id, codes: i.reasons.map((r) => r.code) })),
            bid_deadline: new Date(plan.bid_deadline).toISOString(),
          },
        }),
      ),
    )
    emitEventStep({ eventName: "mini_competition.published", data: transform({ plan }, ({ plan }) => ({ id: plan.competition_id })) })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(competition)
  },
)
