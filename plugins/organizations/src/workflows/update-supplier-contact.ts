import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import {
  updateSupplierContactStep,
  type UpdateSupplierContactStepInput,
} from "./steps/update-supplier-contact"

export type UpdateSupplierContactWorkflowInput = UpdateSupplierContactStepInput

export const updateSupplierContactWorkflowId = "organizations-update-supplier-contact"
/**
 * This workflow lets a supplier user keep their company's contact data current.
 */
export const updateSupplierContactWorkflow = createWorkflow(
  updateSupplierContactWorkflowId,
  (input: WorkflowData<UpdateSupplierContactWorkflowInput>) => {
    const organization = updateSupplierContactStep(input)
    return new WorkflowResponse(organization)
  }
)
