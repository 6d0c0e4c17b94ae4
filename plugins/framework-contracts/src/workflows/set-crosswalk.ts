import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { setCrosswalkStep, type SetCrosswalkStepInput } from "./steps/set-crosswalk"

export type SetCrosswalkWorkflowInput = SetCrosswalkStepInput

export const setCrosswalkWorkflowId = "framework-contracts-set-crosswalk"
/**
 * This workflow sets the COG partida of a UNSPSC commodity.
 */
export const setCrosswalkWorkflow = createWorkflow(
  setCrosswalkWorkflowId,
  (input: WorkflowData<SetCrosswalkWorkflowInput>) => {
    const row = setCrosswalkStep(input)
    return new WorkflowResponse(row)
  }
)
