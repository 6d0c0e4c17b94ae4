import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict } from "../competition/errors"
import { ownCompetition } from "./steps/own-competition"
import { competitionLockKey } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type DesertCompetitionWorkflowInput = {
  competition_id: string
  organization_id: string
  reason: string
  actor: AuditActor
  at: string
}

/**
 * This step checks (read-only) that the competition may be declared
 * deserted by the Purchasing Unit: a draft never published, or an opened
 * competition not yet awarded. A competition in its bidding window cannot
 * be deserted (it would reveal nothing, but would cut bidders off).
 */
export const planDesertionStepId = "mini-competition-plan-desertion"
export const planDesertionStep = createStep(planDesertionStepId, async (input: DesertCompetitionWorkflowInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, input.organization_id)
  if (!["draft", "opened"].includes(competition.status)) {
    conflict(
      "COMPETENCIA_NO_ABIERTA",
      `La segunda etapa ${competition.number} no puede declararse desierta en su estado actual (${competition.status}).`,
    )
  }
  return new StepResponse({ competition_id: competition.id, number: competition.number, previous_status: competition.status })
})

/** This workflow declares a competition deserted, with its reason, and records it in the audit ledger. */
export const desertCompetitionWorkflowId = "mini-competition-desert"
export const desertCompetitionWorkflow = createWorkflow(
  desertCompetitionWorkflowId,
  (input: WorkflowData<DesertCompetitionWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const plan = planDesertionStep(input)
    const competition = updateCompetitionStep(
      transform({ input, plan }, ({ input, plan }) => ({ id: plan.competition_id, status: "deserted", deserted_reason: input.reason })),
    )
    appendAuditEntryStep(
      transform({ input, plan }, ({ input, plan }) =>
        auditDraft(input.actor, "mini-competition", {
          action: "competition.deserted",
          entity_type: "competition",
          entity_id: plan.competition_id,
          details: { number: plan.number, previous_status: plan.previous_status, reason: input.reason },
        }),
      ),
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(competition)
  },
)
