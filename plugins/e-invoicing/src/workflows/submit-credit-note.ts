import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { checkCreditNote, type CreditNoteFailure } from "../cfdi/credit-note"
import type { CfdiFailure } from "../cfdi/types"
import { buildCreditNoteContextStep } from "./steps/build-credit-note-context"
import { createCreditNoteStep, markCreditNoteReceivedStep } from "./steps/create-credit-note"
import { einvNowStep } from "./steps/now"
import { validateCfdiStep } from "./steps/validate-cfdi"

export type SubmitCreditNoteWorkflowInput = {
  invoice_id: string
  supplier_id: string
  person_id: string
  actor: AuditActor
  xml: string
}

export const submitCreditNoteWorkflowId = "e-invoicing-submit-credit-note"
/**
 * This workflow judges the nota de crédito a supplier presents for the pena
 * convencional withheld from its invoice's payment: context from the
 * records → the CFDI engine (type E: schema, catalogs, seal, stamp,
 * parties, UUID never seen, SAT status) plus the credit note's own checks
 * (it relates the invoice with TipoRelacion 01 and credits exactly the
 * penalty) → (valid only) store it linked to the payment request → the
 * request's credit note `received` (it may now be authorised) → audit.
 * Nothing is written for an invalid one.
 */
export const submitCreditNoteWorkflow = createWorkflow(submitCreditNoteWorkflowId, (input: WorkflowData<SubmitCreditNoteWorkflowInput>) => {
  const plan = buildCreditNoteContextStep(
    transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id, supplier_id: input.supplier_id, xml: input.xml })),
  )
  const engine = validateCfdiStep(transform({ input, plan }, ({ input, plan }) => ({ xml: input.xml, context: plan.context })))
  const result = transform({ input, plan, engine }, ({ input, plan, engine }) => {
    const own = checkCreditNote(input.xml, { invoice_uuid: plan.invoice.uuid, penalty: plan.request.penalty_deduction })
    const failures: (CfdiFailure | CreditNoteFailure)[] = [...engine.failures, ...(engine.summary ? own.failures : [])]
    return { valid: failures.length === 0, retryable: engine.retryable, failures, summary: engine.summary, credit_note: own.summary }
  })
  const note = when("credit-note-valid", { result }, ({ result }) => result.valid).then(() => {
    const now = einvNowStep()
    const created = createCreditNoteStep(
      transform({ input, plan, result, now }, ({ input, plan, result, now }) => ({
        uuid: result.summary!.uuid!.toUpperCase(),
        invoice_id: plan.invoice.id,
        payment_request_id: plan.request.id,
        supplier_id: plan.invoice.supplier_id,
        agency_id: plan.invoice.agency_id,
        amount: plan.request.penalty_deduction,
        xml: input.xml,
        summary: { ...result.summary, relacion: result.credit_note } as unknown as Record<string, unknown>,
        accepted_at: now,
        submitted_by_person_id: input.person_id,
      })),
    )
    markCreditNoteReceivedStep(transform({ plan }, ({ plan }) => ({ payment_request_id: plan.request.id })))
    appendAuditEntryStep(
      transform({ input, plan, created }, ({ input, plan, created }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role ?? null,
        action: "credit_note.accepted",
        entity_type: "credit_note",
        entity_id: created.id,
        after: { uuid: created.uuid, invoice_id: plan.invoice.id, amount: created.amount },
        details: {
          invoice_uuid: plan.invoice.uuid,
          payment_request_id: plan.request.id,
          penalty_deduction: plan.request.penalty_deduction,
        },
      })),
    )
    return created
  })
  return new WorkflowResponse(transform({ result, note }, ({ result, note }) => ({ result, credit_note: note ?? null })))
})
