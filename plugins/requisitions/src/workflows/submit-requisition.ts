import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reserveBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { createApprovalStepsStep } from "./steps/create-approval-steps"
import { evaluateSubmissionStep, type SubmitInput } from "./steps/evaluate-submission"
import { notifyRequisitionStep } from "./steps/notify-requisition"
import { updateRequisitionStep } from "./steps/update-requisition"

export type SubmitRequisitionWorkflowInput = SubmitInput

export const submitRequisitionWorkflowId = "requisitions-submit-requisition"

/**
 * This workflow submits a requisition: reserves its total on the budget key
 * (idempotent per revision; 409 when the key cannot cover it), opens the
 * approval chain of the policy in force — or, above a lot's threshold,
 * stops in `requires_competition` — and records red flags.
 */
export const submitRequisitionWorkflow = createWorkflow(
  submitRequisitionWorkflowId,
  (input: WorkflowData<SubmitRequisitionWorkflowInput>) => {
    // one submission of a requisition at a time: a parallel one waits, then
    // finds it already submitted (REQUISICION_YA_ENVIADA) before reserving
    const lock = transform({ input }, ({ input }) => ({ key: `requisition:${input.requisition_id}`, timeout: 60, ttl: 120 }))
    acquireLockStep(lock)
    const plan = evaluateSubmissionStep(input)
    const reservation = reserveBudgetWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({
        budget_key_id: plan.requisition.budget_key_id,
        organization_id: plan.requisition.organization_id,
        unit_ids: [plan.requisition.unit_id],
        amount: plan.requisition.total,
        reference_type: "requisition" as const,
        reference_id: plan.requisition.id,
        idempotency_key: plan.reservation_key,
        actor_id: input.access.person_id,
      })),
    })
    createApprovalStepsStep(transform({ plan }, ({ plan }) => plan.approval_steps))
    const requisition = updateRequisitionStep(
      transform({ plan, reservation }, ({ plan, reservation }) => ({
        id: plan.requisition.id,
        status: plan.status,
        submitted_at: plan.submitted_at,
        reservation_key: plan.reservation_key,
        reservation_id: reservation.id,
        reserved_amount: plan.requisition.total,
        policy_id: plan.policy.id,
        policy_version: plan.policy.version,
        flags: plan.flags,
        competition_lots: plan.competition,
      })),
    )
    appendAuditEntryStep(
      transform({ plan, input }, ({ plan, input }) => ({
        actor_type: input.access.actor_type,
        actor_id: input.access.person_id,
        action: plan.status === "requires_competition" ? "requisition.requires_competition" : "requisition.submitted",
        entity_type: "requisition",
        entity_id: plan.requisition.id,
        after: plan,
        details: { number: plan.requisition.number, revision: plan.requisition.revision, flags: plan.flags.length },
      })),
    )
    notifyRequisitionStep(
      transform({ plan }, ({ plan }) => ({
        requisition_id: plan.requisition.id,
        requester_template: plan.status === "requires_competition" ? ("requires_competition" as const) : ("submitted" as const),
        notify_next_approvers: true,
        extra: { lots: plan.competition.map((c) => c.lot).join(", ") },
      })),
    )
    releaseLockStep(lock)
    return new WorkflowResponse(requisition)
  },
)
