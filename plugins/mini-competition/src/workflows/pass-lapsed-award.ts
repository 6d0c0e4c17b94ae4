import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict } from "../competition/errors"
import type { Evaluation } from "../competition/evaluate"
import { MINI_COMPETITION_AWARD_OFFERED } from "./award-competition"
import { awardOf, type Award, type LapsedOffer } from "./steps/award-data"
import { ownCompetition } from "./steps/own-competition"
import { competitionLockKey } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type PassLapsedAwardWorkflowInput = { competition_id: string; at: string; actor?: AuditActor | null }

export const planLapseStepId = "mini-competition-plan-lapse"
/**
 * This step decides (read-only) what happens when the supplier offered the
 * award let its confirmation window pass: the award is offered to the next
 * ranked valid bid whose supplier is still eligible (with a new window), or
 * the competition is deserted when there is none.
 */
export const planLapseStep = createStep(planLapseStepId, async (input: PassLapsedAwardWorkflowInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, null)
  const award = competition.award as unknown as Award | null
  const at = new Date(input.at)
  if (competition.status !== "offered" || !award) {
    conflict(
      "SIN_ADJUDICACION_POR_CONFIRMAR",
      `La segunda etapa ${competition.number} no tiene una adjudicación por confirmar (estado: ${competition.status}).`,
    )
  }
  if (at.getTime() < new Date(award.confirmation_deadline).getTime()) {
    conflict("PLAZO_NO_VENCIDO", `El plazo de confirmación de ${competition.number} aún no vence.`)
  }
  const lapsed: LapsedOffer[] = [
    ...award.lapsed,
    {
      supplier_id: award.supplier_id,
      bid_id: award.bid_id,
      offered_at: award.offered_at,
      confirmation_deadline: award.confirmation_deadline,
      lapsed_at: at.toISOString(),
      reason: "sin_confirmacion",
    },
  ]
  const evaluation = competition.evaluation as unknown as Evaluation
  const tried = new Set(lapsed.map((l) => l.supplier_id))
  for (const next of evaluation.bids.filter((b) => b.valid && b.rank !== null && !tried.has(b.supplier_id))) {
    const eligibility = await checkEligibility(container, {
      supplier_id: next.supplier_id,
      contract_id: competition.contract_id,
      purpose: "award",
      at,
    })
    if (!eligibility.eligible) {
      lapsed.push({
        supplier_id: next.supplier_id,
        bid_id: next.bid_id,
        offered_at: at.toISOString(),
        confirmation_deadline: at.toISOString(),
        lapsed_at: at.toISOString(),
        reason: eligibility.reasons.map((r) => r.code).join(","),
      })
      continue
    }
    const offered = await awardOf(
      container,
      competition,
      { bid_id: next.bid_id, rank: next.rank! },
      {
        computed_winner_supplier_id: award.computed_winner_supplier_id,
        deviates: award.deviates,
        justification: award.justification,
        justification_signature: award.justification_signature ?? null,
        rationale: `${award.supplier_id} no confirmó la adjudicación en su plazo; pasa a la propuesta en lugar ${next.rank}. ${evaluation.rationale}`,
        flags: award.flags,
        decided_by_person_id: award.decided_by_person_id,
        lapsed,
      },
      at,
    )
    return new StepResponse({
      competition_id: competition.id,
      number: competition.number,
      lapsed_supplier_id: award.supplier_id,
      award: offered as Award | null,
      deserted_reason: null as string | null,
    })
  }
  return new StepResponse({
    competition_id: competition.id,
    number: competition.number,
    lapsed_supplier_id: award.supplier_id,
    award: null as Award | null,
    deserted_reason: `Desierta: ninguna propuesta válida confirmó la adjudicación (${lapsed.map((l) => l.supplier_id).join(", ")}).` as
      string | null,
  })
})

export const passLapsedAwardWorkflowId = "mini-competition-pass-lapsed-award"
/**
 * This workflow (run by the scheduled job) passes an unconfirmed award to
 * the next ranked bid once the confirmation window has passed, or deserts
 * the competition when no ranked bid is left.
 */
export const passLapsedAwardWorkflow = createWorkflow(passLapsedAwardWorkflowId, (input: WorkflowData<PassLapsedAwardWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const plan = planLapseStep(input)
  const competition = updateCompetitionStep(
    transform({ plan }, ({ plan }) =>
      plan.award
        ? {
            id: plan.competition_id,
            status: "offered",
            confirmation_deadline: new Date(plan.award.confirmation_deadline),
            award: plan.award,
          }
        : { id: plan.competition_id, status: "deserted", confirmation_deadline: null, deserted_reason: plan.deserted_reason },
    ),
  )
  appendAuditEntryStep(
    transform({ input, plan }, ({ input, plan }) =>
      auditDraft(input.actor, "mini-competition-open-due", {
        action: plan.award ? "competition.award_passed" : "competition.award_lapsed_deserted",
        entity_type: "competition",
        entity_id: plan.competition_id,
        after: plan.award,
        details: {
          number: plan.number,
          lapsed_supplier_id: plan.lapsed_supplier_id,
          offered_to: plan.award?.supplier_id ?? null,
          deserted_reason: plan.deserted_reason,
        },
      }),
    ),
  )
  emitEventStep({
    eventName: MINI_COMPETITION_AWARD_OFFERED,
    data: transform({ plan }, ({ plan }) => ({
      id: plan.competition_id,
      supplier_id: plan.award?.supplier_id ?? null,
      confirmation_deadline: plan.award?.confirmation_deadline ?? null,
    })),
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(competition)
})
