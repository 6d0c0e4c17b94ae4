import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { ownCompetition } from "./steps/own-competition"
import { mc } from "./steps/service"

export type FileObservationWorkflowInput = {
  competition_id: string
  person_id: string
  organization_id: string
  text: string
  actor: AuditActor
  at: string
}

export const createObservationStepId = "mini-competition-create-observation"
/** This step records the observation (the competition must exist). Its compensation deletes it. */
export const createObservationStep = createStep(
  createObservationStepId,
  async (input: FileObservationWorkflowInput, { container }) => {
    const competition = await ownCompetition(container, input.competition_id, null)
    const row = await mc(container).createCompetitionObservations({
      competition_id: competition.id,
      observer_person_id: input.person_id,
      observer_organization_id: input.organization_id,
      text: input.text,
      observed_at: new Date(input.at),
    })
    return new StepResponse({ ...row, number: competition.number }, row.id)
  },
  async (id: string | undefined, { container }) => {
    if (id) {
      await mc(container).deleteCompetitionObservations(id)
    }
  },
)

export const fileObservationWorkflowId = "mini-competition-file-observation"
/**
 * This workflow files an observer's (testigo social) timestamped observation
 * on a competition, at any stage; it becomes part of the record (shown with
 * the procedure and, after the opening, publicly) and of the audit ledger.
 */
export const fileObservationWorkflow = createWorkflow(fileObservationWorkflowId, (input: WorkflowData<FileObservationWorkflowInput>) => {
  const observation = createObservationStep(input)
  appendAuditEntryStep(
    transform({ input, observation }, ({ input, observation }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.observation_filed",
        entity_type: "competition",
        entity_id: input.competition_id,
        after: { text: input.text },
        details: { number: observation.number, observation_id: observation.id, observed_at: input.at },
      }),
    ),
  )
  return new WorkflowResponse(observation)
})
