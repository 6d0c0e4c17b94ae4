import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertOfferAcceptable } from "./validate-offer-request"
import { fc, invalid, notFound } from "./service"

export type OfferReviewInput = {
  request_id: string
  decision: "approve" | "reject"
  reason?: string | null
  reviewer: string
}

export const validateOfferReviewStepId = "framework-contracts-validate-offer-review"
/**
 * This step checks a review: the request is pending, a rejection gives its
 * reason, and an approval still meets the ceiling and eligibility rules today
 * (a sanction or a lower ceiling since the request was filed blocks it).
 */
export const validateOfferReviewStep = createStep(validateOfferReviewStepId, async (input: OfferReviewInput, { container }) => {
  const [request] = await fc(container).listOfferRequests({ id: input.request_id }, { take: 1 })
  if (!request) {
    notFound("SOLICITUD_NO_EXISTE", `La solicitud ${input.request_id} no existe.`)
  }
  if (request.status !== "pending") {
    invalid("SOLICITUD_YA_RESUELTA", "La solicitud ya fue resuelta.")
  }
  if (input.decision === "reject" && (input.reason ?? "").trim().length < 5) {
    invalid("MOTIVO_REQUERIDO", "Indica el motivo del rechazo.")
  }
  if (input.decision === "approve") {
    await assertOfferAcceptable(container, {
      supplier_id: request.supplier_id,
      item_id: request.item_id,
      price: request.price as unknown as string,
      min_order_qty: request.min_order_qty,
      delivery_days: request.delivery_days as unknown as Record<string, number>,
      stock: request.stock,
      requested_by: request.requested_by,
    })
  }
  return new StepResponse({
    request_id: request.id,
    approve: input.decision === "approve",
    item_id: request.item_id,
    contract_id: request.contract_id,
    supplier_id: request.supplier_id,
    price: String(request.price),
    min_order_qty: request.min_order_qty,
    delivery_days: request.delivery_days as unknown as Record<string, number>,
    stock: request.stock,
  })
})
