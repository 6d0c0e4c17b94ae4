import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { createRequisitionRecordStep } from "./steps/create-requisition-record"
import { prepareRequisitionStep, type PrepareRequisitionInput } from "./steps/prepare-requisition"

export type CreateRequisitionWorkflowInput = PrepareRequisitionInput

export const createRequisitionWorkflowId = "requisitions-create-requisition"

/**
 * This workflow turns the buyer's cart (or explicit lines) into a draft
 * requisition priced at the offers' prices in force.
 */
export const createRequisitionWorkflow = createWorkflow(
  createRequisitionWorkflowId,
  (input: WorkflowData<CreateRequisitionWorkflowInput>) => {
    const prepared = prepareRequisitionStep(input)
    const requisition = createRequisitionRecordStep(prepared)
    appendAuditEntryStep(
      transform({ input, requisition, prepared }, ({ input, requisition, prepared }) => ({
        actor_type: input.access.actor_type,
        actor_id: input.access.person_id,
        action: "requisition.created",
        entity_type: "requisition",
        entity_id: requisition.id,
        after: prepared,
        details: { number: prepared.header.number, total: prepared.header.total },
      })),
    )
    return new WorkflowResponse(requisition)
  },
)
