import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { syncStoreProductsWorkflow } from "./sync-store-products"
import { CATALOG_EVENTS } from "../catalog/events"
import { changeContractStatusStep } from "./steps/change-contract-status"
import { recordContractVersionStep } from "./steps/record-contract-version"
import type { ContractStatus } from "./types"

export type ChangeContractStatusWorkflowInput = {
  contract_id: string
  status: ContractStatus
  recorded_by?: string | null
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const changeContractStatusWorkflowId = "framework-contracts-change-status"
/**
 * This workflow publishes, suspends, reinstates or expires a framework contract.
 */
export const changeContractStatusWorkflow = createWorkflow(
  changeContractStatusWorkflowId,
  (input: WorkflowData<ChangeContractStatusWorkflowInput>) => {
    const contract = changeContractStatusStep(input)
    recordContractVersionStep(
      transform({ input }, ({ input }) => ({
        contract_id: input.contract_id,
        change: `estado:${input.status}`,
        recorded_by: input.recorded_by ?? null,
      })),
    )
    syncStoreProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({ contract_ids: [input.contract_id] })),
    })
    appendAuditEntryStep(
      transform({ contract, input }, ({ contract, input }) =>
        auditDraft(input.actor, changeContractStatusWorkflowId, {
          action: `framework_contract.${input.status}`,
          entity_type: "framework_contract",
          entity_id: input.contract_id,
          after: contract,
          details: { status: input.status },
        }),
      ),
    )
    emitEventStep({
      eventName: CATALOG_EVENTS.STATUS_CHANGED,
      data: transform({ input }, ({ input }) => ({ contract_id: input.contract_id, status: input.status })),
    })
    return new WorkflowResponse(contract)
  },
)
