import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { syncStoreProductsWorkflow } from "./sync-store-products"
import { CATALOG_EVENTS } from "../catalog/events"
import { enrolSuppliersStep, type EnrolSuppliersStepInput } from "./steps/enrol-suppliers"
import { recordContractVersionStep } from "./steps/record-contract-version"

export type EnrolSuppliersWorkflowInput = EnrolSuppliersStepInput & {
  recorded_by?: string | null
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const enrolSuppliersWorkflowId = "framework-contracts-enrol-suppliers"
/**
 * This workflow enrols suppliers in a framework contract.
 */
export const enrolSuppliersWorkflow = createWorkflow(enrolSuppliersWorkflowId, (input: WorkflowData<EnrolSuppliersWorkflowInput>) => {
  const count = enrolSuppliersStep(input)
  recordContractVersionStep(
    transform({ input }, ({ input }) => ({
      contract_id: input.contract_id,
      change: "adhesion-proveedores",
      recorded_by: input.recorded_by ?? null,
    })),
  )
  syncStoreProductsWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({ contract_ids: [input.contract_id] })),
  })
  appendAuditEntryStep(
    transform({ count, input }, ({ count, input }) =>
      auditDraft(input.actor, enrolSuppliersWorkflowId, {
        action: "framework_contract.suppliers_enrolled",
        entity_type: "framework_contract",
        entity_id: input.contract_id,
        after: { supplier_ids: input.supplier_ids, valid_from: input.valid_from, valid_until: input.valid_until ?? null },
        details: { supplier_ids: input.supplier_ids, enrolments: count },
      }),
    ),
  )
  emitEventStep({
    eventName: CATALOG_EVENTS.ENROLMENT_CHANGED,
    data: transform({ input }, ({ input }) => ({ contract_id: input.contract_id })),
  })
  return new WorkflowResponse(count)
})
