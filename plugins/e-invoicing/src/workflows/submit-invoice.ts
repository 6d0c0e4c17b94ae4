import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { D } from "../cfdi/money"
import { paymentDueDate } from "../delivery/rules"
import { invoicedLines } from "../invoicing/context"
import { applyTallyStep } from "./steps/apply-tally"
import { buildCfdiContextStep } from "./steps/build-cfdi-context"
import { createInvoiceStep } from "./steps/create-invoice"
import { einvNowStep } from "./steps/now"
import { validateCfdiStep } from "./steps/validate-cfdi"

export type SubmitInvoiceWorkflowInput = {
  order_id: string
  supplier_id: string
  person_id: string
  actor: AuditActor
  xml: string
}

export const submitInvoiceWorkflowId = "e-invoicing-submit-invoice"
/**
 * This workflow judges a CFDI the supplier presents for its order and, when
 * valid, accepts it: context from the records (one read step) → the CFDI
 * engine with SAT's status → (valid only) add the invoiced units to the
 * order's tally under the database guard → store the invoice (unique UUID)
 * with its due date (acceptance + the contract's payment days) → audit.
 * It returns the engine's result either way; nothing is written for an
 * invalid CFDI or when SAT could not be asked.
 */
export const submitInvoiceWorkflow = createWorkflow(submitInvoiceWorkflowId, (input: WorkflowData<SubmitInvoiceWorkflowInput>) => {
  const { contract, context } = buildCfdiContextStep(
    transform({ input }, ({ input }) => ({ order_id: input.order_id, supplier_id: input.supplier_id, xml: input.xml })),
  )
  const result = validateCfdiStep(transform({ input, context }, ({ input, context }) => ({ xml: input.xml, context })))
  const invoice = when("cfdi-valid", { result }, ({ result }) => result.valid).then(() => {
    const now = einvNowStep()
    const lines = transform({ input, contract }, ({ input, contract }) => invoicedLines(input.xml, contract.lines))
    applyTallyStep(
      transform({ contract, lines }, ({ contract, lines }) => ({
        order_id: contract.order_id,
        specific_contract_id: contract.contract_id,
        ordered: contract.lines.map((l) => ({ contract_line: l.line, quantity: l.quantity })),
        deltas: lines.map((l) => ({ contract_line: l.contract_line, invoiced: l.quantity })),
      })),
    )
    const created = createInvoiceStep(
      transform({ input, contract, result, lines, now }, ({ input, contract, result, lines, now }) => {
        const s = result.summary!
        const iva = lines.reduce((a, l) => a.plus(l.iva), new D(0))
        return {
          uuid: s.uuid!.toUpperCase(),
          order_id: contract.order_id,
          specific_contract_id: contract.contract_id,
          supplier_id: contract.supplier_id,
          agency_id: contract.agency_id,
          serie: s.serie,
          folio: s.folio,
          issued_at: s.fecha,
          metodo_pago: s.metodo_pago ?? "PUE",
          subtotal: s.subtotal!,
          iva: iva.toFixed(2),
          total: s.total!,
          currency_code: s.moneda ?? "MXN",
          xml: input.xml,
          summary: s as unknown as Record<string, unknown>,
          lines,
          accepted_at: now,
          due_date: paymentDueDate(now, contract.payment_days),
          submitted_by_person_id: input.person_id,
        }
      }),
    )
    appendAuditEntryStep(
      transform({ input, contract, created }, ({ input, contract, created }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role ?? null,
        action: "invoice.accepted",
        entity_type: "invoice",
        entity_id: created.id,
        after: { uuid: created.uuid, order_id: contract.order_id, total: created.total, due_date: created.due_date },
        details: { contract: contract.number, uuid: created.uuid, total: created.total },
      })),
    )
    return created
  })
  return new WorkflowResponse(transform({ result, invoice }, ({ result, invoice }) => ({ result, invoice: invoice ?? null })))
})
