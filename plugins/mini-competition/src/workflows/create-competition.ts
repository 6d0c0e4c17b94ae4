import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { createCompetitionStep } from "./steps/create-competition"
import { planCompetitionStep, type PlanCompetitionInput } from "./steps/plan-competition"

export type CreateCompetitionWorkflowInput = PlanCompetitionInput & { actor: AuditActor }

/**
 * This workflow opens a second-stage competition (draft) from a requisition
 * in `requires_competition`, for one lot: lines at the ceiling prices in
 * force and the lot's rules snapshotted. Its reservation stays with the
 * requisition. Recorded in the audit ledger.
 */
export const createCompetitionWorkflowId = "mini-competition-create"
export const createCompetitionWorkflow = createWorkflow(
  createCompetitionWorkflowId,
  (input: WorkflowData<CreateCompetitionWorkflowInput>) => {
    const plan = planCompetitionStep(input)
    const competition = createCompetitionStep(plan)
    appendAuditEntryStep(
      transform({ input, plan, competition }, ({ input, plan, competition }) =>
        auditDraft(input.actor, "mini-competition", {
          action: "competition.created",
          entity_type: "competition",
          entity_id: competition.id,
          after: { number: plan.number, requisition_id: plan.requisition_id, lot_id: plan.lot_id, rules: plan.rules, lines: plan.lines },
          details: { number: plan.number, delivery_state: plan.delivery_state },
        }),
      ),
    )
    return new WorkflowResponse(competition)
  },
)
