import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { syncStoreProductsWorkflow } from "./sync-store-products"
import { CATALOG_EVENTS } from "../catalog/events"
import { applyOfferStep } from "./steps/apply-offer"
import { resolveOfferRequestStep } from "./steps/resolve-offer-request"
import { validateOfferReviewStep, type OfferReviewInput } from "./steps/validate-offer-review"

export type ReviewOfferRequestWorkflowInput = OfferReviewInput & {
  at: string
  /**
   * true only for bulk loads (the seed) that bring the store and the search
   * index in line once at the end (syncStoreProductsWorkflow, a reindex): no
   * per-offer store sync and no per-offer catalog event. Every request path
   * leaves it unset and syncs and announces at once.
   */
  bulk_load?: boolean
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const reviewOfferRequestWorkflowId = "framework-contracts-review-offer-request"
/**
 * This workflow approves (the offer or new price goes live, the old price
 * stays in the history) or rejects (with a reason) a supplier's request.
 */
export const reviewOfferRequestWorkflow = createWorkflow(
  reviewOfferRequestWorkflowId,
  (input: WorkflowData<ReviewOfferRequestWorkflowInput>) => {
    const review = validateOfferReviewStep(input)
    const applied = when("approve-offer", { review }, ({ review }) => review.approve).then(() => {
      const offer = applyOfferStep(transform({ review, input }, ({ review, input }) => ({ ...review, at: input.at })))
      syncStoreProductsWorkflow.runAsStep({
        input: transform({ offer, input }, ({ offer, input }) => ({ offer_ids: input.bulk_load === true ? [] : [offer.offer_id] })),
      })
      return offer
    })
    // the search index (and any other listener) learns of the new price; a bulk load reindexes once at its end
    when("announce-offer-changed", { review, input }, ({ review, input }) => review.approve && input.bulk_load !== true).then(() => {
      emitEventStep({
        eventName: CATALOG_EVENTS.OFFER_CHANGED,
        data: transform({ applied, review }, ({ applied, review }) => ({
          offer_id: applied!.offer_id,
          contract_id: review.contract_id,
          supplier_id: review.supplier_id,
          item_ids: [review.item_id],
        })),
      })
    })
    const request = resolveOfferRequestStep(
      transform({ review, input, applied }, ({ review, input, applied }) => ({
        request_id: review.request_id,
        status: review.approve ? ("approved" as const) : ("rejected" as const),
        reason: input.reason ?? null,
        reviewer: input.reviewer,
        offer_id: applied?.offer_id ?? null,
        at: input.at,
      })),
    )
    appendAuditEntryStep(
      transform({ review, input, applied }, ({ review, input, applied }) =>
        auditDraft(input.actor, reviewOfferRequestWorkflowId, {
          action: review.approve ? "offer_request.approved" : "offer_request.rejected",
          entity_type: "offer_request",
          entity_id: review.request_id,
          after: { status: review.approve ? "approved" : "rejected", offer_id: applied?.offer_id ?? null, reason: input.reason ?? null },
          details: {
            item_id: review.item_id,
            supplier_id: review.supplier_id,
            price: review.price,
            offer_id: applied?.offer_id ?? null,
            reason: input.reason ?? null,
          },
        }),
      ),
    )
    return new WorkflowResponse(request)
  },
)
