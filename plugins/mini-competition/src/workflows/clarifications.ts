import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { bidDeadline } from "../competition/business-days"
import { conflict, notFound } from "../competition/errors"
import { assertInvited, assertWindowOpen } from "./steps/plan-bid"
import { ownCompetition } from "./steps/own-competition"
import { competitionLockKey, mc } from "./steps/service"
import { updateCompetitionStep } from "./steps/update-competition"

export type AskClarificationWorkflowInput = { competition_id: string; supplier_id: string; question: string; actor: AuditActor; at: string }

export const createClarificationStepId = "mini-competition-create-clarification"
/**
 * This step records an invited supplier's question during the bidding
 * window (by the server's clock). Its compensation deletes it.
 */
export const createClarificationStep = createStep(
  createClarificationStepId,
  async (input: AskClarificationWorkflowInput, { container }) => {
    const competition = await ownCompetition(container, input.competition_id, null)
    await assertInvited(container, competition.id, input.supplier_id)
    assertWindowOpen(competition, new Date(input.at))
    const row = await mc(container).createCompetitionClarifications({
      competition_id: competition.id,
      question: input.question,
      asked_by_supplier_id: input.supplier_id,
      asked_at: new Date(input.at),
    })
    return new StepResponse({ id: row.id, number: competition.number, question: row.question, asked_at: row.asked_at }, row.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await mc(container).deleteCompetitionClarifications(id)
    }
  },
)

export const askClarificationWorkflowId = "mini-competition-ask-clarification"
/** This workflow records a supplier's question; every invitee will see it, anonymised. */
export const askClarificationWorkflow = createWorkflow(askClarificationWorkflowId, (input: WorkflowData<AskClarificationWorkflowInput>) => {
  const clarification = createClarificationStep(input)
  appendAuditEntryStep(
    transform({ input, clarification }, ({ input, clarification }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.clarification_asked",
        entity_type: "competition",
        entity_id: input.competition_id,
        after: { question: input.question },
        details: { number: clarification.number, clarification_id: clarification.id, supplier_id: input.supplier_id },
      }),
    ),
  )
  return new WorkflowResponse(clarification)
})

export type AnswerClarificationWorkflowInput = {
  competition_id: string
  clarification_id: string
  organization_id: string
  person_id: string
  answer: string
  /** Extends the bid deadline for everyone by this many business days. */
  extend_business_days?: number | null
  actor: AuditActor
  at: string
}

export const planAnswerStepId = "mini-competition-plan-answer"
/**
 * This step checks (read-only) an answer: the agency's competition in its
 * bidding window, an unanswered question of it; with an extension, the new
 * deadline counted in business days from the current one.
 */
export const planAnswerStep = createStep(planAnswerStepId, async (input: AnswerClarificationWorkflowInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, input.organization_id)
  assertWindowOpen(competition, new Date(input.at))
  const [clarification] = await mc(container).listCompetitionClarifications(
    { id: input.clarification_id, competition_id: competition.id },
    { take: 1 },
  )
  if (!clarification) {
    notFound("ACLARACION_NO_EXISTE", `La aclaración ${input.clarification_id} no existe en esta segunda etapa.`)
  }
  if (clarification.answered_at) {
    conflict("ACLARACION_YA_RESPONDIDA", "La aclaración ya fue respondida.")
  }
  const previous = new Date(competition.bid_deadline!)
  const extended = input.extend_business_days ? bidDeadline(previous, input.extend_business_days) : null
  return new StepResponse({
    competition_id: competition.id,
    number: competition.number,
    clarification_id: clarification.id,
    previous_deadline: previous,
    extended_deadline: extended,
  })
})

export const answerClarificationStepId = "mini-competition-answer-clarification"
/** This step records the answer (and any extension) on the clarification. Its compensation clears them. */
export const answerClarificationStep = createStep(
  answerClarificationStepId,
  async (
    input: {
      id: string
      answer: string
      answered_at: Date
      answered_by_person_id: string
      previous_deadline: Date | null
      extended_deadline: Date | null
    },
    { container },
  ) => {
    await mc(container).updateCompetitionClarifications(input)
    return new StepResponse(input.id, input.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await mc(container).updateCompetitionClarifications({
        id,
        answer: null,
        answered_at: null,
        answered_by_person_id: null,
        previous_deadline: null,
        extended_deadline: null,
      })
    }
  },
)

export const answerClarificationWorkflowId = "mini-competition-answer-clarification"
/**
 * This workflow publishes the Purchasing Unit's answer to every invitee and,
 * when asked, extends the deadline for everyone (recorded on the
 * clarification and in the ledger). Under the competition's lock.
 */
export const answerClarificationWorkflow = createWorkflow(
  answerClarificationWorkflowId,
  (input: WorkflowData<AnswerClarificationWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const plan = planAnswerStep(input)
    answerClarificationStep(
      transform({ input, plan }, ({ input, plan }) => ({
        id: plan.clarification_id,
        answer: input.answer,
        answered_at: new Date(input.at),
        answered_by_person_id: input.person_id,
        previous_deadline: plan.extended_deadline ? new Date(plan.previous_deadline) : null,
        extended_deadline: plan.extended_deadline ? new Date(plan.extended_deadline) : null,
      })),
    )
    updateCompetitionStep(
      transform({ plan }, ({ plan }) => ({
        id: plan.competition_id,
        bid_deadline: new Date(plan.extended_deadline ?? plan.previous_deadline),
      })),
    )
    appendAuditEntryStep(
      transform({ input, plan }, ({ input, plan }) =>
        auditDraft(input.actor, "mini-competition", {
          action: plan.extended_deadline ? "competition.clarification_answered_deadline_extended" : "competition.clarification_answered",
          entity_type: "competition",
          entity_id: plan.competition_id,
          after: { answer: input.answer },
          details: {
            number: plan.number,
            clarification_id: plan.clarification_id,
            previous_deadline: new Date(plan.previous_deadline).toISOString(),
            extended_deadline: plan.extended_deadline ? new Date(plan.extended_deadline).toISOString() : null,
          },
        }),
      ),
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(plan)
  },
)
