import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planStoreProducts, type OfferSelector } from "../../catalog/store-products"

export const planStoreProductsStepId = "framework-contracts-plan-store-products"
/**
 * This step works out (read-only) which offers need a Medusa product, a new
 * status or a new price.
 */
export const planStoreProductsStep = createStep(planStoreProductsStepId, async (input: OfferSelector & { at?: string }, { container }) => {
  const plan = await planStoreProducts(container, input, input.at ? new Date(input.at) : new Date())
  return new StepResponse(plan)
})
