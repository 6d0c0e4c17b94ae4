import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createUnitsStep, type CreateUnitsStepInput } from "./steps/create-units"

export type CreateUnitsWorkflowInput = CreateUnitsStepInput

export const createUnitsWorkflowId = "organizations-create-units"
/**
 * This workflow adds administrative units to an agency.
 */
export const createUnitsWorkflow = createWorkflow(
  createUnitsWorkflowId,
  (input: WorkflowData<CreateUnitsWorkflowInput>) => {
    const units = createUnitsStep(input)
    return new WorkflowResponse(units)
  }
)
