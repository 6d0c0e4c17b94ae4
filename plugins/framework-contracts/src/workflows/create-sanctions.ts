import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntriesStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { syncStoreProductsWorkflow } from "./sync-store-products"
import { CATALOG_EVENTS } from "../catalog/events"
import { resolveSupplierIdsStep } from "./steps/resolve-supplier-ids"
import { createSanctionsStep, type SanctionInput } from "./steps/create-sanctions"

export type CreateSanctionsWorkflowInput = {
  sanctions: SanctionInput[]
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const createSanctionsWorkflowId = "framework-contracts-create-sanctions"
/**
 * This workflow registers sanctions of suppliers (by hand or from the SFP
 * directory CSV).
 */
export const createSanctionsWorkflow = createWorkflow(createSanctionsWorkflowId, (input: WorkflowData<CreateSanctionsWorkflowInput>) => {
  const result = createSanctionsStep(input)
  const rfcs = transform({ input }, ({ input }) => [...new Set(input.sanctions.map((s) => s.supplier_rfc.trim().toUpperCase()))])
  // A sanction takes effect in this same request: the supplier's products
  // leave the store before the response is sent.
  const supplierIds = resolveSupplierIdsStep(rfcs)
  syncStoreProductsWorkflow.runAsStep({ input: transform({ supplierIds }, ({ supplierIds }) => ({ supplier_ids: supplierIds })) })
  // One entry per new sanction (duplicates already on file change nothing).
  appendAuditEntriesStep(
    transform({ result, input }, ({ result, input }) =>
      result.sanctions.map((s) =>
        auditDraft(input.actor, createSanctionsWorkflowId, {
          action: "sanction.created",
          entity_type: "sanction",
          entity_id: s.id,
          after: s,
          details: { supplier_rfc: s.supplier_rfc, type: s.type, authority: s.authority, source: s.source ?? null },
        }),
      ),
    ),
  )
  emitEventStep({
    eventName: CATALOG_EVENTS.SANCTION_CHANGED,
    data: transform({ rfcs, supplierIds }, ({ rfcs, supplierIds }) => ({ supplier_ids: supplierIds, supplier_rfcs: rfcs })),
  })
  return new WorkflowResponse(transform({ result }, ({ result }) => ({ created: result.created, duplicates: result.duplicates })))
})
