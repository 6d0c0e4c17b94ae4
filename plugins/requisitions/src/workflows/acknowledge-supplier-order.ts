import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"

export type AcknowledgeSupplierOrderInput = {
  order_id: string
  contract_number: string
  promised_delivery_date: string
  note: string | null
  actor: { actor_type: string; actor_id: string; role: string | null; person_id: string }
}

type OrderModule = {
  retrieveOrder: (id: string, c?: object) => Promise<{ id: string; metadata: Record<string, unknown> | null }>
  updateOrders: (id: string, data: object) => Promise<unknown>
}

export const recordOrderAcknowledgementStepId = "requisitions-record-order-acknowledgement"

/**
 * This step records the supplier's acknowledgement on the order (who, when,
 * promised delivery date) once; a second one is refused
 * (PEDIDO_YA_CONFIRMADO). Compensation puts the previous metadata back.
 */
export const recordOrderAcknowledgementStep = createStep(
  recordOrderAcknowledgementStepId,
  async (input: AcknowledgeSupplierOrderInput, { container }) => {
    const orders = container.resolve<OrderModule>(Modules.ORDER)
    const order = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    const previous = order.metadata ?? {}
    if (previous.acknowledged_at) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `El pedido del contrato ${input.contract_number} ya se confirmó (entrega prometida: ${previous.promised_delivery_date}).`,
        "PEDIDO_YA_CONFIRMADO",
      )
    }
    const acknowledged = {
      acknowledged_at: new Date().toISOString(),
      acknowledged_by_person_id: input.actor.person_id,
      promised_delivery_date: input.promised_delivery_date,
      acknowledgement_note: input.note,
    }
    await orders.updateOrders(order.id, { metadata: { ...previous, ...acknowledged } })
    return new StepResponse(acknowledged, { id: order.id, previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await container.resolve<OrderModule>(Modules.ORDER).updateOrders(undo.id, { metadata: undo.previous })
    }
  },
)

export const acknowledgeSupplierOrderWorkflowId = "requisitions-acknowledge-supplier-order"

/** This workflow records that the supplier confirmed an order and the delivery date it promises. */
export const acknowledgeSupplierOrderWorkflow = createWorkflow(
  acknowledgeSupplierOrderWorkflowId,
  (input: WorkflowData<AcknowledgeSupplierOrderInput>) => {
    const acknowledged = recordOrderAcknowledgementStep(input)
    appendAuditEntryStep(
      transform({ input, acknowledged }, ({ input, acknowledged }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "order.acknowledged",
        entity_type: "order",
        entity_id: input.order_id,
        after: acknowledged,
        details: { contract: input.contract_number, promised_delivery_date: input.promised_delivery_date },
      })),
    )
    return new WorkflowResponse(acknowledged)
  },
)
