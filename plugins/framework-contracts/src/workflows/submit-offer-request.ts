import {
  createWorkflow,
  WorkflowData,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { createOfferRequestStep } from "./steps/create-offer-request"
import {
  validateOfferRequestStep,
  type SubmitOfferRequestInput,
} from "./steps/validate-offer-request"

export type SubmitOfferRequestWorkflowInput = SubmitOfferRequestInput

export const submitOfferRequestWorkflowId = "framework-contracts-submit-offer-request"
/**
 * This workflow lets an enrolled supplier request a new offer or a price
 * change; buyers see nothing until the administrator approves it.
 */
export const submitOfferRequestWorkflow = createWorkflow(
  submitOfferRequestWorkflowId,
  (input: WorkflowData<SubmitOfferRequestWorkflowInput>) => {
    const validated = validateOfferRequestStep(input)
    const request = createOfferRequestStep(validated)
    return new WorkflowResponse(request)
  }
)
