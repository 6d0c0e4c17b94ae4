import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dec, fc } from "./service"
import type { ValidatedOfferRequest } from "./validate-offer-request"

export const createOfferRequestStepId = "framework-contracts-create-offer-request"
/**
 * This step files an offer request for the administrator's review queue.
 */
export const createOfferRequestStep = createStep(
  createOfferRequestStepId,
  async (input: ValidatedOfferRequest, { container }) => {
    const request = await fc(container).createOfferRequests({
      kind: input.kind,
      item_id: input.item_id,
      contract_id: input.contract_id,
      supplier_id: input.supplier_id,
      offer_id: input.offer_id,
      price: dec(input.price),
      min_order_qty: input.min_order_qty,
      delivery_days: input.delivery_days,
      stock: input.stock ?? null,
      requested_by: input.requested_by,
    })
    return new StepResponse(request, request.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await fc(container).deleteOfferRequests(id)
  },
)
