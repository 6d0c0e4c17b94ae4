import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntriesStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { createBudgetKeysStep, type CreateBudgetKeyInput } from "./steps/create-budget-keys"

export type CreateBudgetKeysWorkflowInput = {
  keys: CreateBudgetKeyInput[]
  /** Who registers them (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const createBudgetKeysWorkflowId = "budget-create-budget-keys"
/**
 * This workflow registers budget keys (claves presupuestarias) of agencies
 * with their authorised amounts (aprobado = modificado at creation).
 */
export const createBudgetKeysWorkflow = createWorkflow(createBudgetKeysWorkflowId, (input: WorkflowData<CreateBudgetKeysWorkflowInput>) => {
  const keys = createBudgetKeysStep(input.keys)
  appendAuditEntriesStep(
    transform({ keys, input }, ({ keys, input }) =>
      keys.map((k, i) =>
        auditDraft(input.actor, createBudgetKeysWorkflowId, {
          action: "budget_key.created",
          entity_type: "budget_key",
          entity_id: k.id,
          after: { ...input.keys[i], clave: k.clave },
          details: {
            clave: k.clave,
            organization_id: input.keys[i].organization_id,
            provider: input.keys[i].provider,
            aprobado: input.keys[i].aprobado,
          },
        }),
      ),
    ),
  )
  return new WorkflowResponse(keys)
})
