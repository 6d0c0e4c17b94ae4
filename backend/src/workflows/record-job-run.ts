import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordJobRunStep, type RecordJobRunStepInput } from "./steps/record-job-run"

export type RecordJobRunWorkflowInput = RecordJobRunStepInput

export const recordJobRunWorkflowId = "ops-record-job-run"
/**
 * This workflow records that a scheduled job ran.
 */
export const recordJobRunWorkflow = createWorkflow(recordJobRunWorkflowId, (input: WorkflowData<RecordJobRunWorkflowInput>) => {
  const run = recordJobRunStep(input)
  return new WorkflowResponse(run)
})
