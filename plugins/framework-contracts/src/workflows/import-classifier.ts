import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { upsertClassifierStep, type UpsertClassifierStepInput } from "./steps/upsert-classifier"

export type ImportClassifierWorkflowInput = UpsertClassifierStepInput

export const importClassifierWorkflowId = "framework-contracts-import-classifier"
/**
 * This workflow loads parsed UNSPSC / c_ClaveProdServ rows into the classifier.
 */
export const importClassifierWorkflow = createWorkflow(
  importClassifierWorkflowId,
  (input: WorkflowData<ImportClassifierWorkflowInput>) => {
    const result = upsertClassifierStep(input)
    return new WorkflowResponse(result)
  }
)
