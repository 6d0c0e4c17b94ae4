import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import type { ShipmentLineRequest } from "../delivery/rules"
import { applyTallyStep } from "./steps/apply-tally"
import { createShipmentStep } from "./steps/create-shipment"
import { evaluateShipmentStep } from "./steps/evaluate-shipment"

export type RecordShipmentWorkflowInput = {
  order_id: string
  supplier_id: string
  person_id: string
  actor: AuditActor
  delivery_note: string
  lines: ShipmentLineRequest[]
}

export const recordShipmentWorkflowId = "e-invoicing-record-shipment"
/**
 * This workflow records a supplier's shipment against its order: plan
 * (contract in force, lines, what is left to deliver) → add to the order's
 * tally under the database guard → store the shipment → audit.
 */
export const recordShipmentWorkflow = createWorkflow(recordShipmentWorkflowId, (input: WorkflowData<RecordShipmentWorkflowInput>) => {
  const plan = evaluateShipmentStep(
    transform({ input }, ({ input }) => ({
      order_id: input.order_id,
      supplier_id: input.supplier_id,
      delivery_note: input.delivery_note,
      lines: input.lines,
    })),
  )
  applyTallyStep(
    transform({ plan }, ({ plan }) => ({
      order_id: plan.contract.order_id,
      specific_contract_id: plan.contract.contract_id,
      ordered: plan.ordered,
      deltas: plan.deltas,
    })),
  )
  const shipment = createShipmentStep(
    transform({ input, plan }, ({ input, plan }) => ({
      order_id: plan.contract.order_id,
      specific_contract_id: plan.contract.contract_id,
      supplier_id: plan.contract.supplier_id,
      agency_id: plan.contract.agency_id,
      delivery_note: input.delivery_note,
      shipped_at: plan.shipped_at,
      created_by_person_id: input.person_id,
      lines: plan.lines,
    })),
  )
  appendAuditEntryStep(
    transform({ input, plan, shipment }, ({ input, plan, shipment }) => ({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      role: input.actor.role ?? null,
      action: "shipment.recorded",
      entity_type: "shipment",
      entity_id: shipment.id,
      after: {
        order_id: plan.contract.order_id,
        delivery_note: input.delivery_note,
        lines: plan.lines.map((l) => [l.contract_line, l.quantity]),
      },
      details: { contract: plan.contract.number, order_id: plan.contract.order_id },
    })),
  )
  return new WorkflowResponse(shipment)
})
