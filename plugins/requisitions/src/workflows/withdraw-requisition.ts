import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  when,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../requisitions/authority"
import { reservationRelease } from "../requisitions/release"
import { invalid, notFound, rq } from "./steps/service"
import { notifyRequisitionStep } from "./steps/notify-requisition"
import { transitionRequisitionStep } from "./steps/transition-requisition"
import { updateApprovalStepsStep } from "./steps/update-approval-steps"
import { updateRequisitionStep } from "./steps/update-requisition"

export type WithdrawRequisitionWorkflowInput = { requisition_id: string; access: AccessContext; reason: string }

const WITHDRAWABLE = ["draft", "returned", "pending_approval", "requires_competition", "approved"]

export const evaluateWithdrawalStepId = "requisitions-evaluate-withdrawal"

/** This step checks (read-only) that the requester may withdraw the requisition now. */
export const evaluateWithdrawalStep = createStep(
  evaluateWithdrawalStepId,
  async (input: WithdrawRequisitionWorkflowInput, { container }) => {
    const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["approval_steps"], take: 1 })
    if (!r) {
      notFound("REQUISICION_NO_EXISTE", `La requisición ${input.requisition_id} no existe.`)
    }
    assertSameAgency(input.access, r)
    if (r.requester_person_id !== input.access.person_id) {
      invalid("SOLO_EL_SOLICITANTE", "Solo quien elaboró la requisición puede retirarla.")
    }
    if (!WITHDRAWABLE.includes(r.status)) {
      invalid(
        "REQUISICION_NO_RETIRABLE",
        `La requisición ${r.number} ya no se puede retirar (estado: ${r.status}); cancela sus contratos pendientes de firma.`,
      )
    }
    return new StepResponse({
      requisition: { id: r.id, number: r.number, status: r.status },
      release: reservationRelease(r, input.access.person_id),
      superseded: (r.approval_steps ?? [])
        .filter((s) => s.revision === r.revision && s.status === "pending")
        .map((s) => ({ id: s.id, status: "superseded" })),
    })
  },
)

export const withdrawRequisitionWorkflowId = "requisitions-withdraw-requisition"

/**
 * This workflow withdraws a requisition that has no contract yet (also one
 * waiting in `requires_competition`): guarded move to `cancelled`, the
 * pending approval steps closed, its reservation released, an audit entry
 * and a notice to the requester.
 */
export const withdrawRequisitionWorkflow = createWorkflow(
  withdrawRequisitionWorkflowId,
  (input: WorkflowData<WithdrawRequisitionWorkflowInput>) => {
    const plan = evaluateWithdrawalStep(input)
    transitionRequisitionStep(
      transform({ plan }, ({ plan }) => ({
        id: plan.requisition.id,
        number: plan.requisition.number,
        from: [plan.requisition.status],
        to: "cancelled",
      })),
    )
    updateApprovalStepsStep(transform({ plan }, ({ plan }) => plan.superseded))
    when("release-on-withdrawal", { plan }, ({ plan }) => !!plan.release).then(() => {
      releaseBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.release!) })
    })
    const requisition = updateRequisitionStep(
      transform({ plan }, ({ plan }) => ({ id: plan.requisition.id, decided_at: new Date(), reservation_id: null, reserved_amount: null })),
    )
    appendAuditEntryStep(
      transform({ input, plan }, ({ input, plan }) => ({
        actor_type: input.access.actor_type,
        actor_id: input.access.person_id,
        action: "requisition.withdrawn",
        entity_type: "requisition",
        entity_id: plan.requisition.id,
        before: { status: plan.requisition.status },
        after: { status: "cancelled" },
        details: { number: plan.requisition.number, reason: input.reason, released: plan.release?.amount ?? null },
      })),
    )
    notifyRequisitionStep(
      transform({ plan, input }, ({ plan, input }) => ({
        requisition_id: plan.requisition.id,
        requester_template: "withdrawn" as const,
        extra: { decided_by: input.access.full_name, reason: input.reason },
      })),
    )
    return new WorkflowResponse(requisition)
  },
)
