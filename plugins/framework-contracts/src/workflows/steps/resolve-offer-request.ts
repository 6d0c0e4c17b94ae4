import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fc } from "./service"

export type ResolveOfferRequestStepInput = {
  request_id: string
  status: "approved" | "rejected"
  reason: string | null
  reviewer: string
  offer_id: string | null
  at: string
}

export const resolveOfferRequestStepId = "framework-contracts-resolve-offer-request"
/**
 * This step records the administrator's decision on an offer request.
 */
export const resolveOfferRequestStep = createStep(
  resolveOfferRequestStepId,
  async (input: ResolveOfferRequestStepInput, { container }) => {
    const updated = await fc(container).updateOfferRequests({
      id: input.request_id,
      status: input.status,
      reason: input.reason,
      reviewed_by: input.reviewer,
      reviewed_at: new Date(input.at),
      ...(input.offer_id ? { offer_id: input.offer_id } : {}),
    })
    return new StepResponse(updated, input.request_id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await fc(container).updateOfferRequests({ id, status: "pending", reviewed_by: null, reviewed_at: null })
  },
)
