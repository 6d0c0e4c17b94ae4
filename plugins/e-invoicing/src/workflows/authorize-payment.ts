import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { exerciseBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { evaluateAuthorizationStep } from "./steps/evaluate-authorization"
import { einvNowStep } from "./steps/now"
import { startStripePaymentStep } from "./steps/start-stripe-payment"
import { transitionStatusStep } from "./steps/transition-status"

export type AuthorizePaymentWorkflowInput = { payment_request_id: string; agency_id: string; person_id: string; actor: AuditActor }

export const authorizePaymentWorkflowId = "e-invoicing-authorize-payment"
/**
 * This workflow authorises a payment request and sends the CLC: checks
 * (pending, active CLABE, SAT still Vigente) → request `authorized` (guarded
 * move: once) → the budget's exercise workflow requests the CLC with the
 * beneficiary's RFC and CLABE, the net paid to it and the pena convencional
 * withheld (ejercido of the gross; idempotency key per request, so a
 * retry never issues a second CLC) → request `exercised` with the CLC folio,
 * invoice `exercised` → for an own-resources agency with Stripe configured,
 * a PaymentIntent through Medusa's Stripe provider (paid when Stripe's
 * signed webhook says so) → audit. One authorisation of a request at a time
 * (lock); a request left `authorized` by a run that died before its CLC
 * was recorded is finished by the next authorisation (same key).
 */
export const authorizePaymentWorkflow = createWorkflow(authorizePaymentWorkflowId, (input: WorkflowData<AuthorizePaymentWorkflowInput>) => {
  const lock = transform({ input }, ({ input }) => ({ key: `payment_request:${input.payment_request_id}`, timeout: 60, ttl: 120 }))
  acquireLockStep(lock)
  const plan = evaluateAuthorizationStep(
    transform({ input }, ({ input }) => ({ payment_request_id: input.payment_request_id, agency_id: input.agency_id })),
  )
  const now = einvNowStep()
  transitionStatusStep(
    transform({ input, plan, now }, ({ input, plan, now }) => ({
      table: "einv_payment_request" as const,
      id: plan.request.id,
      from: ["pending_authorization", "authorized"],
      to: "authorized",
      data: {
        authorized_by_person_id: input.person_id,
        authorized_at: now,
        beneficiary_rfc: plan.beneficiary.rfc,
        beneficiary_clabe: plan.beneficiary.clabe,
        payment_channel: plan.channel,
      },
    })),
  ).config({ name: "payment-request-authorized" })
  const exercised = exerciseBudgetWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({
      budget_key_id: plan.request.budget_key_id,
      organization_id: plan.request.agency_id,
      amount: plan.request.amount,
      parent_id: plan.request.accrue_movement_id,
      reference_type: "clc" as const,
      reference_id: plan.request.id,
      idempotency_key: `payment_request:${plan.request.id}:ejercido`,
      actor: input.actor,
      beneficiary_rfc: plan.beneficiary.rfc,
      beneficiary_clabe: plan.beneficiary.clabe,
      // the CLC pays the supplier the net and withholds the pena convencional; the budget moves the gross
      net_amount: plan.request.net_amount,
      deductions: plan.request.deductions.map((d) => ({
        type: "pena_convencional",
        amount: d.amount,
        reference: `reception:${d.reception_id}`,
      })),
      metadata: { cfdi_uuid: plan.invoice.uuid, net_amount: plan.request.net_amount, penalty_deduction: plan.request.penalty_deduction },
    })),
  })
  transitionStatusStep(
    transform({ plan, exercised }, ({ plan, exercised }) => ({
      table: "einv_payment_request" as const,
      id: plan.request.id,
      from: ["authorized"],
      to: "exercised",
      data: { exercise_movement_id: exercised.id, clc_folio: exercised.external_ref ?? null },
    })),
  ).config({ name: "payment-request-exercised" })
  transitionStatusStep(
    transform({ plan }, ({ plan }) => ({
      table: "einv_invoice" as const,
      id: plan.invoice.id,
      from: ["payment_requested"],
      to: "exercised",
    })),
  ).config({ name: "invoice-exercised" })
  const intent = when("pay-through-stripe", { plan }, ({ plan }) => plan.channel === "stripe").then(() =>
    startStripePaymentStep(
      transform({ plan }, ({ plan }) => ({
        payment_request_id: plan.request.id,
        amount: plan.request.net_amount,
        invoice_uuid: plan.invoice.uuid,
        agency_id: plan.request.agency_id,
        supplier_id: plan.request.supplier_id,
      })),
    ),
  )
  appendAuditEntryStep(
    transform({ input, plan, exercised, intent }, ({ input, plan, exercised, intent }) => ({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      role: input.actor.role ?? null,
      action: "payment_request.exercised",
      entity_type: "payment_request",
      entity_id: plan.request.id,
      after: {
        status: "exercised",
        amount: plan.request.amount,
        net_amount: plan.request.net_amount,
        penalty_deduction: plan.request.penalty_deduction,
        clc_folio: exercised.external_ref ?? null,
        payment_channel: plan.channel,
        stripe_payment_intent_id: intent?.id ?? null,
      },
      details: {
        uuid: plan.invoice.uuid,
        beneficiary_rfc: plan.beneficiary.rfc,
        clabe_ultimos_4: plan.beneficiary.clabe.slice(-4),
        exercise_movement_id: exercised.id,
      },
    })),
  )
  releaseLockStep(lock)
  return new WorkflowResponse(
    transform({ plan, exercised }, ({ plan, exercised }) => ({ id: plan.request.id, clc_folio: exercised.external_ref ?? null })),
  )
})
