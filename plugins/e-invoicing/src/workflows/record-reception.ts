import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import type { ReceptionLineRequest } from "../delivery/rules"
import { applyTallyStep } from "./steps/apply-tally"
import { createActaStep } from "./steps/create-acta"
import { renderActaStep } from "./steps/render-acta"
import { createReceptionStep } from "./steps/create-reception"
import { evaluateReceptionStep } from "./steps/evaluate-reception"

export type RecordReceptionWorkflowInput = {
  shipment_id: string
  agency_id: string
  unit_id: string | null
  person_id: string
  actor: AuditActor
  notes?: string | null
  lines: (ReceptionLineRequest & { notes?: string | null; serials?: string[] | null })[]
}

export const recordReceptionWorkflowId = "e-invoicing-record-reception"
/**
 * This workflow records the agency's reception of a shipment: plan (lines
 * judged, outcome, pena convencional) → add accepted/rejected to the order's
 * tally under the database guard → store the reception → render its acta de
 * entrega-recepción (versioned template, HTML and PDF) and store it pending
 * the Reception Manager's e.firma → audit.
 */
export const recordReceptionWorkflow = createWorkflow(recordReceptionWorkflowId, (input: WorkflowData<RecordReceptionWorkflowInput>) => {
  const plan = evaluateReceptionStep(
    transform({ input }, ({ input }) => ({ shipment_id: input.shipment_id, agency_id: input.agency_id, lines: input.lines })),
  )
  applyTallyStep(
    transform({ plan }, ({ plan }) => ({
      order_id: plan.contract.order_id,
      specific_contract_id: plan.contract.contract_id,
      ordered: plan.ordered,
      deltas: plan.deltas,
    })),
  )
  const reception = createReceptionStep(
    transform({ input, plan }, ({ input, plan }) => ({
      shipment_id: plan.shipment.id,
      order_id: plan.contract.order_id,
      specific_contract_id: plan.contract.contract_id,
      supplier_id: plan.contract.supplier_id,
      agency_id: plan.contract.agency_id,
      unit_id: input.unit_id,
      outcome: plan.outcome,
      notes: input.notes ?? null,
      received_at: plan.received_at,
      received_by_person_id: input.person_id,
      days_late: plan.penalty.days_late,
      penalty_amount: plan.penalty.amount,
      penalty: { ...plan.penalty, terms: plan.contract.penalties },
      lines: plan.lines,
    })),
  )
  const rendered = renderActaStep(
    transform({ plan, reception }, ({ plan, reception }) => ({
      reception,
      contract: plan.contract,
      delivery_note: plan.shipment.delivery_note,
    })),
  )
  const acta = createActaStep(
    transform({ plan, reception, rendered }, ({ plan, reception, rendered }) => ({
      reception_id: reception.id,
      agency_id: plan.contract.agency_id,
      supplier_id: plan.contract.supplier_id,
      rendered,
    })),
  )
  appendAuditEntryStep(
    transform({ input, plan, reception, acta }, ({ input, plan, reception, acta }) => ({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      role: input.actor.role ?? null,
      action: "reception.recorded",
      entity_type: "reception",
      entity_id: reception.id,
      after: {
        shipment_id: plan.shipment.id,
        outcome: plan.outcome,
        lines: plan.lines.map((l) => [l.contract_line, l.accepted_quantity, l.rejected_quantity]),
        penalty_amount: plan.penalty.amount,
      },
      details: {
        contract: plan.contract.number,
        order_id: plan.contract.order_id,
        days_late: plan.penalty.days_late,
        acta: acta.folio,
        acta_sha256: acta.document_sha256,
      },
    })),
  )
  return new WorkflowResponse(reception)
})
