import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AppendAuditEntryStepInput } from "./steps/append-audit-entry"

export type RecordAuditEntryWorkflowInput = AppendAuditEntryStepInput

export const recordAuditEntryWorkflowId = "contracts-record-audit-entry"
/**
 * This workflow records one action in the audit ledger on its own (for
 * subscribers and integrations that have no workflow of their own).
 */
export const recordAuditEntryWorkflow = createWorkflow(recordAuditEntryWorkflowId, (input: WorkflowData<RecordAuditEntryWorkflowInput>) => {
  const entry = appendAuditEntryStep(input)
  return new WorkflowResponse(entry)
})
