import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { complementDueDate, isPaidLate } from "../delivery/rules"
import { evaluatePaymentConfirmationStep } from "./steps/evaluate-payment-confirmation"
import { einvNowStep } from "./steps/now"
import { transitionStatusStep } from "./steps/transition-status"

export type ConfirmPaymentWorkflowInput = {
  payment_request_id: string
  agency_id: string
  /** SPEI clave de rastreo (required for own-resources keys; SIAFF reports its own). */
  clave_rastreo?: string | null
  /**
   * Who reports the payment: the typist (`manual`, default) or Stripe's
   * verified webhook (`stripe_webhook`, the only way a Stripe-paid request
   * reaches pagado; the clave is the PaymentIntent id).
   */
  source?: "manual" | "stripe_webhook"
  actor: AuditActor
}

export const confirmPaymentWorkflowId = "e-invoicing-confirm-payment"

/** Emitted once a payment request is paid: { id, specific_contract_id, clave_rastreo } (ids and the public SPEI reference only). */
export const E_INVOICING_PAYMENT_PAID = "e_invoicing.payment_paid"
/**
 * This workflow records that the CLC was paid by SPEI: the budget's pay
 * workflow verifies it (SIAFF's payment status with its clave de rastreo;
 * for own resources the clave given) and moves the amount to pagado
 * (idempotency key per request) → request `paid` with the clave de
 * rastreo, paid late or not against its due date (a PPD invoice: its
 * complemento de pago now due by the fifth of next month) → invoice `paid`
 * → audit → event `e_invoicing.payment_paid`. A request paid through Stripe
 * is confirmed only by Stripe's verified webhook (`source: "stripe_webhook"`),
 * never by hand.
 */
export const confirmPaymentWorkflow = createWorkflow(confirmPaymentWorkflowId, (input: WorkflowData<ConfirmPaymentWorkflowInput>) => {
  const request = evaluatePaymentConfirmationStep(
    transform({ input }, ({ input }) => ({
      payment_request_id: input.payment_request_id,
      agency_id: input.agency_id,
      source: input.source ?? ("manual" as const),
    })),
  )
  const paid = payBudgetWorkflow.runAsStep({
    input: transform({ input, request }, ({ input, request }) => ({
      budget_key_id: request.budget_key_id,
      organization_id: request.agency_id,
      amount: request.amount,
      parent_id: request.exercise_movement_id,
      reference_type: "payment" as const,
      reference_id: request.id,
      idempotency_key: `payment_request:${request.id}:pagado`,
      actor: input.actor,
      clave_rastreo: input.clave_rastreo ?? null,
    })),
  })
  const now = einvNowStep()
  const late = transform({ request, now }, ({ request, now }) => isPaidLate(now, request.due_date))
  transitionStatusStep(
    transform({ request, paid, now, late }, ({ request, paid, now, late }) => ({
      table: "einv_payment_request" as const,
      id: request.id,
      from: ["exercised"],
      to: "paid",
      data: {
        pay_movement_id: paid.id,
        clave_rastreo: paid.clave_rastreo,
        paid_at: now,
        paid_late: late,
        // a PPD invoice now owes its complemento de pago (Pagos 2.0)
        ...(request.metodo_pago === "PPD" ? { complement_status: "pending", complement_due_date: complementDueDate(now) } : {}),
      },
    })),
  ).config({ name: "payment-request-paid" })
  transitionStatusStep(
    transform({ request }, ({ request }) => ({ table: "einv_invoice" as const, id: request.invoice_id, from: ["exercised"], to: "paid" })),
  ).config({ name: "invoice-paid" })
  appendAuditEntryStep(
    transform({ input, request, paid, late }, ({ input, request, paid, late }) => ({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      role: input.actor.role ?? null,
      action: "payment_request.paid",
      entity_type: "payment_request",
      entity_id: request.id,
      after: { status: "paid", amount: request.amount, clave_rastreo: paid.clave_rastreo, paid_late: late },
      details: { pay_movement_id: paid.id, due_date: request.due_date, paid_late: late },
    })),
  )
  emitEventStep({
    eventName: E_INVOICING_PAYMENT_PAID,
    data: transform({ request, paid }, ({ request, paid }) => ({
      id: request.id,
      specific_contract_id: request.specific_contract_id,
      clave_rastreo: paid.clave_rastreo,
    })),
  })
  return new WorkflowResponse(
    transform({ request, paid, late }, ({ request, paid, late }) => ({
      id: request.id,
      clave_rastreo: paid.clave_rastreo,
      paid_late: late,
    })),
  )
})
