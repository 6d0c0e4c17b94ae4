import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { setCrosswalkStep, type SetCrosswalkStepInput } from "./steps/set-crosswalk"

export type SetCrosswalkWorkflowInput = SetCrosswalkStepInput & {
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const setCrosswalkWorkflowId = "framework-contracts-set-crosswalk"
/**
 * This workflow sets the COG partida of a UNSPSC commodity.
 */
export const setCrosswalkWorkflow = createWorkflow(setCrosswalkWorkflowId, (input: WorkflowData<SetCrosswalkWorkflowInput>) => {
  const row = setCrosswalkStep(input)
  appendAuditEntryStep(
    transform({ row, input }, ({ row, input }) =>
      auditDraft(input.actor, setCrosswalkWorkflowId, {
        action: "cog_crosswalk.set",
        entity_type: "cog_crosswalk",
        entity_id: row.id,
        after: row,
        details: { unspsc_code: input.unspsc_code, partida: input.partida },
      }),
    ),
  )
  return new WorkflowResponse(row)
})
