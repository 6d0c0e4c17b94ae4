import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createSanctionsStep, type SanctionInput } from "./steps/create-sanctions"

export type CreateSanctionsWorkflowInput = { sanctions: SanctionInput[] }

export const createSanctionsWorkflowId = "framework-contracts-create-sanctions"
/**
 * This workflow registers sanctions of suppliers (by hand or from the SFP
 * directory CSV).
 */
export const createSanctionsWorkflow = createWorkflow(
  createSanctionsWorkflowId,
  (input: WorkflowData<CreateSanctionsWorkflowInput>) => {
    const result = createSanctionsStep(input)
    return new WorkflowResponse(result)
  }
)
