import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { openSupplierOrdersStep, type PlaceOrdersInput } from "./steps/open-supplier-orders"
import { updateRequisitionStep } from "./steps/update-requisition"

/** This workflow places one order per supplier of an approved requisition. */
export const placeRequisitionOrdersWorkflow = createWorkflow(
  "place-requisition-orders",
  (input: WorkflowData<PlaceOrdersInput>) => {
    const placed = openSupplierOrdersStep(input)
    updateRequisitionStep(transform({ input }, ({ input }) => ({ id: input.requisition_id, status: "ordered" })))
    appendAuditEntryStep(
      transform({ input, placed }, ({ input, placed }) => ({
        actor_type: input.access.actor_type,
        actor_id: input.access.person_id,
        action: "requisition.ordered",
        entity_type: "requisition",
        entity_id: input.requisition_id,
        after: placed,
        details: { number: placed.number, orders: placed.orders.map((o) => o.order_id) },
      }))
    )
    return new WorkflowResponse(placed)
  }
)
