import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "../steps/append-audit-entry"
import { SPECIFIC_CONTRACT_EVENTS } from "./events"
import { allocateContractNumberStep } from "./steps/allocate-contract-number"
import { createSpecificContractRecordStep } from "./steps/create-specific-contract-record"
import { markTemplateUsedStep } from "./steps/mark-template-used"
import { prepareSpecificContractStep } from "./steps/prepare-specific-contract"
import { renderContractDocumentsStep } from "./steps/render-contract-documents"
import type { CreateSpecificContractWorkflowInput } from "./types"

export const createSpecificContractWorkflowId = "contracts-create-specific-contract"
/**
 * This workflow issues a specific contract from a framework contract for one
 * supplier: freezes the data, takes the next number, renders HTML and PDF
 * from the template in force, stores it pending signatures, and records it
 * in the audit ledger. A requisition (once approved) calls it with its lines
 * for each supplier.
 */
export const createSpecificContractWorkflow = createWorkflow(
  createSpecificContractWorkflowId,
  (input: WorkflowData<CreateSpecificContractWorkflowInput>) => {
    const prepared = prepareSpecificContractStep(input)
    const allocated = allocateContractNumberStep(
      transform({ prepared }, ({ prepared }) => ({ scope: prepared.scope, kind: "contract" as const })),
    )
    const rendered = renderContractDocumentsStep(
      transform({ prepared, allocated }, ({ prepared, allocated }) => ({
        data: prepared.data,
        number: allocated.number,
        template_body: prepared.template.body,
        issued_at: prepared.issued_at,
      })),
    )
    markTemplateUsedStep(transform({ prepared }, ({ prepared }) => ({ template_id: prepared.template.id, at: prepared.issued_at })))
    const contract = createSpecificContractRecordStep(
      transform({ prepared, rendered }, ({ prepared, rendered }) => ({
        record: prepared.record,
        data: rendered.data,
        html: rendered.html,
        pdf_base64: rendered.pdf_base64,
        hashes: rendered.hashes,
        issued_at: prepared.issued_at,
      })),
    )
    appendAuditEntryStep(
      transform({ input, contract, rendered }, ({ input, contract, rendered }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "specific_contract.created",
        entity_type: "specific_contract",
        entity_id: contract.id,
        before: null,
        after: { id: contract.id, number: contract.number, status: contract.status, ...rendered.hashes },
        details: { number: contract.number, document_sha256: rendered.hashes.document_sha256, total: rendered.data.totals.total },
      })),
    )
    emitEventStep({
      eventName: SPECIFIC_CONTRACT_EVENTS.CREATED,
      data: transform({ contract, rendered }, ({ contract, rendered }) => ({
        id: contract.id,
        number: contract.number,
        kind: contract.kind,
        agency_id: rendered.data.agency.organization_id,
        supplier_id: rendered.data.supplier.organization_id,
      })),
    })
    return new WorkflowResponse(contract)
  },
)
