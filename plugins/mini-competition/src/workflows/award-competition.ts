import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { planAwardStep, type PlanAwardInput } from "./steps/plan-award"
import { competitionLockKey } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type AwardCompetitionWorkflowInput = PlanAwardInput & { actor: AuditActor }

export const MINI_COMPETITION_AWARDED = "mini_competition.awarded"

/**
 * This workflow confirms the award of an opened competition (Purchasing
 * Unit): records the award as data on the competition, writes it to the
 * audit ledger (deviations from the computed winner as a red flag) and
 * emits `mini_competition.awarded` with the award (winning supplier, lines
 * at the winning prices) for the contract-bound path. One award per
 * competition (lock).
 */
export const awardCompetitionWorkflowId = "mini-competition-award"
export const awardCompetitionWorkflow = createWorkflow(awardCompetitionWorkflowId, (input: WorkflowData<AwardCompetitionWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const plan = planAwardStep(input)
  const competition = updateCompetitionStep(
    transform({ plan }, ({ plan }) => ({ id: plan.award.competition_id, status: "awarded", awarded_at: new Date(plan.award.awarded_at), award: { ...plan.award, flags: plan.flags } }))
  )
  appendAuditEntryStep(
    transform({ input, plan }, ({ input, plan }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.awarded",
        entity_type: "competition",
        entity_id: plan.award.competition_id,
        after: plan.award,
        details: {
          number: plan.award.number,
          supplier_id: plan.award.supplier_id,
          subtotal: plan.award.subtotal,
          savings: plan.award.savings,
          deviates: plan.award.deviates,
          flags: plan.flags,
        },
      })
    )
  )
  emitEventStep({ eventName: MINI_COMPETITION_AWARDED, data: transform({ plan }, ({ plan }) => plan.award) })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(competition)
})
