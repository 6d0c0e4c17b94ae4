import { emitEventStep } from "@medusajs/medusa/core-flows"
import {
  createWorkflow,
  transform,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { syncStoreProductsWorkflow } from "./sync-store-products"
import { CATALOG_EVENTS } from "../catalog/events"
import { enrolSuppliersStep, type EnrolSuppliersStepInput } from "./steps/enrol-suppliers"
import { recordContractVersionStep } from "./steps/record-contract-version"

export type EnrolSuppliersWorkflowInput = EnrolSuppliersStepInput & { recorded_by?: string | null }

export const enrolSuppliersWorkflowId = "framework-contracts-enrol-suppliers"
/**
 * This workflow enrols suppliers in a framework contract.
 */
export const enrolSuppliersWorkflow = createWorkflow(
  enrolSuppliersWorkflowId,
  (input: WorkflowData<EnrolSuppliersWorkflowInput>) => {
    const count = enrolSuppliersStep(input)
    recordContractVersionStep(
      transform({ input }, ({ input }) => ({
        contract_id: input.contract_id,
        change: "adhesion-proveedores",
        recorded_by: input.recorded_by ?? null,
      }))
    )
    syncStoreProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ contract_ids: [input.contract_id] })),
    })
    emitEventStep({
      eventName: CATALOG_EVENTS.ENROLMENT_CHANGED,
      data: transform({ input }, ({ input }) => ({ contract_id: input.contract_id })),
    })
    return new WorkflowResponse(count)
  }
)
