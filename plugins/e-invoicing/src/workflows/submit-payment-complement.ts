import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { checkPaymentComplement, type PaymentComplementFailure } from "../cfdi/complement"
import type { CfdiFailure } from "../cfdi/types"
import { buildComplementContextStep } from "./steps/build-complement-context"
import { createPaymentComplementStep, markComplementReceivedStep } from "./steps/create-payment-complement"
import { einvNowStep } from "./steps/now"
import { validateCfdiStep } from "./steps/validate-cfdi"

export type SubmitPaymentComplementWorkflowInput = {
  invoice_id: string
  supplier_id: string
  person_id: string
  actor: AuditActor
  xml: string
}

export const submitPaymentComplementWorkflowId = "e-invoicing-submit-payment-complement"
/**
 * This workflow judges the complemento de pago (Pagos 2.0) a supplier
 * presents for the SPEI payment of its PPD invoice: context from the records
 * → the CFDI engine (type P: schema with Pagos20.xsd, seal, stamp, parties,
 * UUID never seen, SAT status) plus the complement's own checks (it relates
 * the invoice's UUID and declares exactly the net paid) → (valid only)
 * store it linked to the payment request → the request's complement
 * `received` → audit. Nothing is written for an invalid one.
 */
export const submitPaymentComplementWorkflow = createWorkflow(
  submitPaymentComplementWorkflowId,
  (input: WorkflowData<SubmitPaymentComplementWorkflowInput>) => {
    const plan = buildComplementContextStep(
      transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id, supplier_id: input.supplier_id, xml: input.xml })),
    )
    const engine = validateCfdiStep(transform({ input, plan }, ({ input, plan }) => ({ xml: input.xml, context: plan.context })))
    const result = transform({ input, plan, engine }, ({ input, plan, engine }) => {
      const link = checkPaymentComplement(input.xml, { invoice_uuid: plan.invoice.uuid, amount_paid: plan.request.net_amount })
      const failures: (CfdiFailure | PaymentComplementFailure)[] = [...engine.failures, ...(engine.summary ? link.failures : [])]
      return { valid: failures.length === 0, retryable: engine.retryable, failures, summary: engine.summary, complement: link.summary }
    })
    const complement = when("complement-valid", { result }, ({ result }) => result.valid).then(() => {
      const now = einvNowStep()
      const created = createPaymentComplementStep(
        transform({ input, plan, result, now }, ({ input, plan, result, now }) => ({
          uuid: result.summary!.uuid!.toUpperCase(),
          invoice_id: plan.invoice.id,
          payment_request_id: plan.request.id,
          supplier_id: plan.invoice.supplier_id,
          agency_id: plan.invoice.agency_id,
          amount_paid: plan.request.net_amount,
          fecha_pago: result.complement.fecha_pago,
          xml: input.xml,
          summary: { ...result.summary, pago: result.complement } as unknown as Record<string, unknown>,
          accepted_at: now,
          submitted_by_person_id: input.person_id,
        })),
      )
      markComplementReceivedStep(transform({ plan }, ({ plan }) => ({ payment_request_id: plan.request.id })))
      appendAuditEntryStep(
        transform({ input, plan, created }, ({ input, plan, created }) => ({
          actor_type: input.actor.actor_type,
          actor_id: input.actor.actor_id,
          role: input.actor.role ?? null,
          action: "payment_complement.accepted",
          entity_type: "payment_complement",
          entity_id: created.id,
          after: { uuid: created.uuid, invoice_id: plan.invoice.id, amount_paid: created.amount_paid },
          details: { invoice_uuid: plan.invoice.uuid, payment_request_id: plan.request.id, due_date: plan.request.complement_due_date },
        })),
      )
      return created
    })
    return new WorkflowResponse(transform({ result, complement }, ({ result, complement }) => ({ result, complement: complement ?? null })))
  },
)
