import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { accrueBudgetWorkflow } from "@tienda/budget/workflows"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { createPaymentRequestStep } from "./steps/create-payment-request"
import { deductPenaltiesStep } from "./steps/deduct-penalties"
import { evaluateMatchStep } from "./steps/evaluate-match"
import { transitionStatusStep } from "./steps/transition-status"

export type MatchInvoiceWorkflowInput = { invoice_id: string; actor?: AuditActor | null }

export const matchInvoiceWorkflowId = "e-invoicing-match-invoice"
/**
 * This workflow runs the three-way match of an accepted invoice. Matched:
 * the budget accrues (devengado) the invoice's total from the contract's
 * commitment (idempotency key per invoice) → the order's outstanding penas
 * convencionales are withheld (up to the total) → the payment request is
 * opened for the Payment Request Typist with its net → invoice
 * `payment_requested`. Not matched:
 * invoice `exception` with the reasons (the exception queue). Audited both ways.
 */
export const matchInvoiceWorkflow = createWorkflow(matchInvoiceWorkflowId, (input: WorkflowData<MatchInvoiceWorkflowInput>) => {
  const plan = evaluateMatchStep(transform({ input }, ({ input }) => ({ invoice_id: input.invoice_id })))
  const request = when("invoice-matched", { plan }, ({ plan }) => plan.result.matched).then(() => {
    transitionStatusStep(
      transform({ plan }, ({ plan }) => ({
        table: "einv_invoice" as const,
        id: plan.invoice.id,
        from: ["accepted", "exception"],
        to: "payment_requested",
        data: { match: plan.result, exception_reason: null },
      })),
    ).config({ name: "invoice-payment-requested" })
    const accrued = accrueBudgetWorkflow.runAsStep({
      input: transform({ input, plan }, ({ input, plan }) => ({
        budget_key_id: plan.contract.budget_key_id,
        organization_id: plan.invoice.agency_id,
        amount: plan.result.amount,
        parent_id: plan.commit_movement_id,
        reference_type: "invoice" as const,
        reference_id: plan.invoice.id,
        idempotency_key: `invoice:${plan.invoice.id}:devengado`,
        actor: input.actor ?? null,
        metadata: { cfdi_uuid: plan.invoice.uuid, contract: plan.contract.number },
      })),
    })
    const withheld = deductPenaltiesStep(
      transform({ plan }, ({ plan }) => ({ order_id: plan.invoice.order_id, invoice_total: plan.result.amount })),
    )
    const created = createPaymentRequestStep(
      transform({ plan, accrued, withheld }, ({ plan, accrued, withheld }) => ({
        invoice_id: plan.invoice.id,
        order_id: plan.invoice.order_id,
        specific_contract_id: plan.contract.id,
        supplier_id: plan.invoice.supplier_id,
        agency_id: plan.invoice.agency_id,
        budget_key_id: plan.contract.budget_key_id,
        amount: plan.result.amount,
        penalty_deduction: withheld.total,
        net_amount: withheld.net,
        deductions: withheld.deductions,
        due_date: plan.invoice.due_date,
        accrue_movement_id: accrued.id,
      })),
    )
    return created
  })
  when("invoice-not-matched", { plan }, ({ plan }) => !plan.result.matched).then(() => {
    transitionStatusStep(
      transform({ plan }, ({ plan }) => ({
        table: "einv_invoice" as const,
        id: plan.invoice.id,
        from: ["accepted", "exception"],
        to: "exception",
        data: { match: plan.result, exception_reason: plan.result.reasons.map((r) => r.message).join(" ") },
      })),
    ).config({ name: "invoice-exception" })
  })
  appendAuditEntryStep(
    transform({ input, plan, request }, ({ input, plan, request }) =>
      auditDraft(input.actor, matchInvoiceWorkflowId, {
        action: plan.result.matched ? "invoice.matched" : "invoice.match_exception",
        entity_type: "invoice",
        entity_id: plan.invoice.id,
        after: {
          matched: plan.result.matched,
          amount: plan.result.amount,
          payment_request_id: request?.id ?? null,
          penalty_deduction: request?.penalty_deduction ?? null,
          net_amount: request?.net_amount ?? null,
        },
        details: { uuid: plan.invoice.uuid, contract: plan.contract.number, reasons: plan.result.reasons.map((r) => r.code) },
      }),
    ),
  )
  return new WorkflowResponse(
    transform({ plan, request }, ({ plan, request }) => ({ result: plan.result, payment_request: request ?? null })),
  )
})
