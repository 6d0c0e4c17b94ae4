import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { createOfferRequestStep } from "./steps/create-offer-request"
import { validateOfferRequestStep, type SubmitOfferRequestInput } from "./steps/validate-offer-request"

export type SubmitOfferRequestWorkflowInput = SubmitOfferRequestInput & {
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const submitOfferRequestWorkflowId = "framework-contracts-submit-offer-request"
/**
 * This workflow lets an enrolled supplier request a new offer or a price
 * change; buyers see nothing until the administrator approves it.
 */
export const submitOfferRequestWorkflow = createWorkflow(
  submitOfferRequestWorkflowId,
  (input: WorkflowData<SubmitOfferRequestWorkflowInput>) => {
    const validated = validateOfferRequestStep(input)
    const request = createOfferRequestStep(validated)
    appendAuditEntryStep(
      transform({ request, validated, input }, ({ request, validated, input }) =>
        auditDraft(input.actor, submitOfferRequestWorkflowId, {
          action: "offer_request.submitted",
          entity_type: "offer_request",
          entity_id: request.id,
          after: request,
          details: {
            kind: validated.kind,
            item_id: validated.item_id,
            supplier_id: validated.supplier_id,
            price: String(validated.price),
          },
        }),
      ),
    )
    return new WorkflowResponse(request)
  },
)
