import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { planAwardStep, type PlanAwardInput } from "./steps/plan-award"
import { competitionLockKey } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type AwardCompetitionWorkflowInput = PlanAwardInput & { actor: AuditActor }

export const MINI_COMPETITION_AWARD_OFFERED = "mini_competition.award_offered"

export const awardCompetitionWorkflowId = "mini-competition-award"
/**
 * This workflow records the Purchasing Unit's award decision on an opened
 * competition and offers the award to the supplier, who confirms it within
 * the rules' window (acceptAwardWorkflow) or loses it to the next ranked
 * bid (passLapsedAwardWorkflow). Deviations from the computed winner are
 * recorded as a red flag. One decision per competition (lock).
 */
export const awardCompetitionWorkflow = createWorkflow(awardCompetitionWorkflowId, (input: WorkflowData<AwardCompetitionWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const plan = planAwardStep(input)
  const competition = updateCompetitionStep(
    transform({ plan }, ({ plan }) => ({
      id: plan.award.competition_id,
      status: "offered",
      confirmation_deadline: new Date(plan.award.confirmation_deadline),
      award: plan.award,
    })),
  )
  appendAuditEntryStep(
    transform({ input, plan }, ({ input, plan }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.award_offered",
        entity_type: "competition",
        entity_id: plan.award.competition_id,
        after: plan.award,
        details: {
          number: plan.award.number,
          supplier_id: plan.award.supplier_id,
          subtotal: plan.award.subtotal,
          savings: plan.award.savings,
          confirmation_deadline: plan.award.confirmation_deadline,
          deviates: plan.award.deviates,
          flags: plan.flags,
        },
      }),
    ),
  )
  emitEventStep({
    eventName: MINI_COMPETITION_AWARD_OFFERED,
    data: transform({ plan }, ({ plan }) => ({
      id: plan.award.competition_id,
      supplier_id: plan.award.supplier_id,
      confirmation_deadline: plan.award.confirmation_deadline,
    })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(competition)
})
