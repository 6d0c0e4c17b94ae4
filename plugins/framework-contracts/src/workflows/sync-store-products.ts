import { createProductsWorkflow, updateProductsWorkflow, updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { OfferSelector } from "../catalog/store-products"
import { linkOfferVariantsStep } from "./steps/link-offer-variants"
import { planStoreProductsStep } from "./steps/plan-store-products"

export type SyncStoreProductsWorkflowInput = OfferSelector & { at?: string }

export const syncStoreProductsWorkflowId = "framework-contracts-sync-store-products"
/**
 * This workflow brings the Medusa products that sell the selected offers in
 * line with the catalog: creates missing ones, publishes eligible offers,
 * unpublishes ineligible ones (sanction, suspension, expired enrolment,
 * withdrawn offer) and sets the price in force. Run inside every workflow
 * that changes eligibility or prices, so the store API follows in the same
 * request.
 */
export const syncStoreProductsWorkflow = createWorkflow(
  syncStoreProductsWorkflowId,
  (input: WorkflowData<SyncStoreProductsWorkflowInput>) => {
    const plan = planStoreProductsStep(input)

    const created = when("create-store-products", { plan }, ({ plan }) => plan.create.length > 0).then(() => {
      const products = createProductsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({ products: plan.create.map((c) => c.product) as never })),
      })
      linkOfferVariantsStep(products as never)
      return products
    })

    when("publish-store-products", { plan }, ({ plan }) => plan.status.length > 0).then(() => {
      updateProductsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({ products: plan.status as never })),
      })
    })

    when("reprice-store-products", { plan }, ({ plan }) => plan.prices.length > 0).then(() => {
      updateProductVariantsWorkflow.runAsStep({
        input: transform({ plan }, ({ plan }) => ({ product_variants: plan.prices as never })),
      })
    })

    return new WorkflowResponse(
      transform({ plan, created }, ({ plan }) => ({
        created: plan.create.length,
        status_changed: plan.status.length,
        repriced: plan.prices.length,
      })),
    )
  },
)
