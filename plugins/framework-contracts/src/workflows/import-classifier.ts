import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { upsertClassifierStep, type UpsertClassifierStepInput } from "./steps/upsert-classifier"

export type ImportClassifierWorkflowInput = UpsertClassifierStepInput & {
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const importClassifierWorkflowId = "framework-contracts-import-classifier"
/**
 * This workflow loads parsed UNSPSC / c_ClaveProdServ rows into the classifier.
 */
export const importClassifierWorkflow = createWorkflow(importClassifierWorkflowId, (input: WorkflowData<ImportClassifierWorkflowInput>) => {
  const result = upsertClassifierStep(input)
  appendAuditEntryStep(
    transform({ result, input }, ({ result, input }) =>
      auditDraft(input.actor, importClassifierWorkflowId, {
        action: "unspsc_classifier.imported",
        entity_type: "unspsc_classifier",
        entity_id: input.version,
        after: input.rows,
        details: { rows: input.rows.length, created: result.created, updated: result.updated },
      }),
    ),
  )
  return new WorkflowResponse(result)
})
