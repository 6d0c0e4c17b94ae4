import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "../steps/append-audit-entry"
import { SPECIFIC_CONTRACT_EVENTS } from "./events"
import { allocateContractNumberStep } from "./steps/allocate-contract-number"
import { createSpecificContractRecordStep } from "./steps/create-specific-contract-record"
import { markTemplateUsedStep } from "./steps/mark-template-used"
import { prepareContractAmendmentStep, type CreateContractAmendmentWorkflowInput } from "./steps/prepare-contract-amendment"
import { renderContractDocumentsStep } from "./steps/render-contract-documents"

export type { CreateContractAmendmentWorkflowInput }

export const createContractAmendmentWorkflowId = "contracts-create-contract-amendment"
/**
 * This workflow issues a convenio modificatorio of a contract in force:
 * same path as a contract (frozen data, number `<contract>-CMnn`, HTML and
 * PDF from the amendment template, pending both signatures, audit entry).
 */
export const createContractAmendmentWorkflow = createWorkflow(
  createContractAmendmentWorkflowId,
  (input: WorkflowData<CreateContractAmendmentWorkflowInput>) => {
    const prepared = prepareContractAmendmentStep(input)
    const allocated = allocateContractNumberStep(
      transform({ prepared }, ({ prepared }) => ({ scope: prepared.scope, kind: "amendment" as const })),
    )
    const rendered = renderContractDocumentsStep(
      transform({ prepared, allocated }, ({ prepared, allocated }) => ({
        data: prepared.data,
        number: allocated.number,
        sequence: allocated.sequence,
        template_body: prepared.template.body,
        issued_at: prepared.issued_at,
      })),
    )
    markTemplateUsedStep(transform({ prepared }, ({ prepared }) => ({ template_id: prepared.template.id, at: prepared.issued_at })))
    const amendment = createSpecificContractRecordStep(
      transform({ prepared, rendered, allocated }, ({ prepared, rendered, allocated }) => ({
        record: { ...prepared.record, parent_id: prepared.parent_id, amendment_sequence: allocated.sequence },
        data: rendered.data,
        html: rendered.html,
        pdf_base64: rendered.pdf_base64,
        hashes: rendered.hashes,
        issued_at: prepared.issued_at,
      })),
    )
    appendAuditEntryStep(
      transform({ input, amendment, rendered, prepared }, ({ input, amendment, rendered, prepared }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "specific_contract.amendment_created",
        entity_type: "specific_contract",
        entity_id: amendment.id,
        before: null,
        after: { id: amendment.id, number: amendment.number, status: amendment.status, ...rendered.hashes },
        details: {
          parent_id: prepared.parent_id,
          number: amendment.number,
          change_percent: rendered.data.amendment?.change_percent ?? null,
          total: rendered.data.totals.total,
        },
      })),
    )
    emitEventStep({
      eventName: SPECIFIC_CONTRACT_EVENTS.CREATED,
      data: transform({ amendment, prepared }, ({ amendment, prepared }) => ({
        id: amendment.id,
        number: amendment.number,
        kind: amendment.kind,
        parent_id: prepared.parent_id,
        agency_id: prepared.record.agency_id,
        supplier_id: prepared.record.supplier_id,
      })),
    })
    return new WorkflowResponse(amendment)
  },
)
