import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fc } from "./service"

type CreatedProduct = { external_id?: string | null; variants?: { id: string }[] | null }

export const linkOfferVariantsStepId = "framework-contracts-link-offer-variants"
/**
 * This step records on each offer the Medusa variant that sells it (the
 * product's external_id is the offer id).
 */
export const linkOfferVariantsStep = createStep(
  linkOfferVariantsStepId,
  async (products: CreatedProduct[], { container }) => {
    const updates = products
      .filter((p) => p.external_id && p.variants?.[0]?.id)
      .map((p) => ({ id: p.external_id as string, variant_id: p.variants![0].id }))
    if (updates.length) {
      await fc(container).updateOffers(updates)
    }
    return new StepResponse(
      updates.length,
      updates.map((u) => u.id),
    )
  },
  async (offerIds, { container }) => {
    if (!offerIds?.length) {
      return
    }
    await fc(container).updateOffers(offerIds.map((id) => ({ id, variant_id: null })))
  },
)
