import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dec, fc } from "./service"

export type ApplyOfferStepInput = {
  request_id: string
  item_id: string
  supplier_id: string
  price: string
  min_order_qty: number
  delivery_days: Record<string, number>
  stock: number | null
  at: string
}

export const applyOfferStepId = "framework-contracts-apply-offer"
/**
 * This step puts an approved request into the catalog: creates the offer or
 * changes its terms, and closes the previous price in the history (kept, so
 * old prices stay visible) before opening the new one.
 */
export const applyOfferStep = createStep(
  applyOfferStepId,
  async (input: ApplyOfferStepInput, { container }) => {
    const service = fc(container)
    const at = new Date(input.at)
    const [existing] = await service.listOffers({ item_id: input.item_id, supplier_id: input.supplier_id }, { take: 1 })
    const terms = {
      price: dec(input.price),
      min_order_qty: input.min_order_qty,
      delivery_days: input.delivery_days,
      stock: input.stock,
      status: "active" as const,
    }
    let previous: Record<string, unknown> | null = null
    let offerId: string
    let closed: string | null = null
    if (existing) {
      previous = {
        id: existing.id,
        price: existing.price,
        min_order_qty: existing.min_order_qty,
        delivery_days: existing.delivery_days,
        stock: existing.stock,
        status: existing.status,
      }
      await service.updateOffers({ id: existing.id, ...terms })
      offerId = existing.id
      const [open] = await service.listOfferPrices({ offer_id: existing.id, valid_until: null }, { take: 1 })
      if (open) {
        await service.updateOfferPrices({ id: open.id, valid_until: at })
        closed = open.id
      }
    } else {
      const created = await service.createOffers({ item_id: input.item_id, supplier_id: input.supplier_id, ...terms })
      offerId = created.id
    }
    const price = await service.createOfferPrices({
      offer_id: offerId,
      price: dec(input.price),
      valid_from: at,
      request_id: input.request_id,
    })
    return new StepResponse({ offer_id: offerId }, { offer_id: offerId, created: !existing, previous, closed, price_id: price.id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = fc(container)
    await service.deleteOfferPrices(undo.price_id)
    if (undo.closed) {
      await service.updateOfferPrices({ id: undo.closed, valid_until: null })
    }
    if (undo.created) {
      await service.deleteOffers(undo.offer_id)
    } else if (undo.previous) {
      await service.updateOffers(undo.previous as never)
    }
  },
)
