import { addToCartWorkflow, completeCartWorkflow, createCartWorkflow } from "@medusajs/medusa/core-flows"
import { assertOffersPurchasable } from "@tienda/framework-contracts/catalog"
import { assertCartFromApprovedRequisition } from "@tienda/requisitions/requisitions"

/**
 * The server-side gate of Medusa's carts. A core-flow hook takes exactly one
 * handler in the whole application, so the gates of every plugin are composed
 * here, in the app (ARCHITECTURE §3: backend/src/workflows/hooks).
 */

type Line = { variant_id?: string | null; quantity?: unknown }
const lines = (items: Line[] | null | undefined) =>
  (items ?? [])
    .filter((i): i is Line & { variant_id: string } => !!i.variant_id)
    .map((i) => ({ variant_id: i.variant_id, quantity: Number(i.quantity ?? 0) }))

// Adding a line: the offer must be purchasable by this buyer right now.
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await assertOffersPurchasable(container, {
    customer_id: (cart as { customer_id?: string | null }).customer_id,
    lines: lines(input.items as Line[]),
  })
})

// A cart created with lines gets the same check.
createCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = (input as { items?: Line[] }).items
  if (!items?.length) {
    return
  }
  await assertOffersPurchasable(container, {
    customer_id: (cart as { customer_id?: string | null }).customer_id ?? (input as { customer_id?: string }).customer_id,
    lines: lines(items),
  })
})

// Placing the order re-checks everything (a sanction may have arrived since
// the line was added) and the supplier's minimum order quantity...
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const c = cart as { id: string; customer_id?: string | null; items?: Line[] }
  await assertOffersPurchasable(container, {
    customer_id: c.customer_id,
    lines: lines(c.items),
    check_quantities: true,
  })
  // ...and only carts the server opened for an approved, budgeted requisition
  await assertCartFromApprovedRequisition(container, c)
})
