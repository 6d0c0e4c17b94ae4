import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addToCartWorkflow, completeCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
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

/** The most units of one offer a cart (and so a requisition) may hold, as the requisition API caps its lines. */
export const MAX_LINE_QUANTITY = 1_000_000

function assertQuantities(quantities: number[]) {
  if (quantities.some((q) => !Number.isSafeInteger(q) || q < 1 || q > MAX_LINE_QUANTITY)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `La cantidad de cada partida debe ser un entero entre 1 y ${MAX_LINE_QUANTITY.toLocaleString("es-MX")}.`,
      "CANTIDAD_FUERA_DE_RANGO",
    )
  }
}

/** Units of each variant already in the cart. */
async function quantitiesInCart(container: MedusaContainer, cartId: string): Promise<Map<string, number>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["items.variant_id", "items.quantity"], filters: { id: cartId } })
  const out = new Map<string, number>()
  for (const i of (data[0]?.items ?? []) as { variant_id?: string | null; quantity?: unknown }[]) {
    if (i?.variant_id) {
      out.set(i.variant_id, (out.get(i.variant_id) ?? 0) + Number(i.quantity ?? 0))
    }
  }
  return out
}

// Adding a line: the offer must be purchasable by this buyer right now, and
// the line (merged with the same offer's line already in the cart) stays within the cap.
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const adding = lines(input.items as Line[])
  const held = await quantitiesInCart(container, (cart as { id: string }).id)
  assertQuantities(adding.map((l) => l.quantity + (held.get(l.variant_id) ?? 0)))
  await assertOffersPurchasable(container, {
    customer_id: (cart as { customer_id?: string | null }).customer_id,
    lines: lines(input.items as Line[]),
  })
})

// Changing a line's quantity: the same cap.
updateLineItemInCartWorkflow.hooks.validate(async ({ input }) => {
  const quantity = (input as { update?: { quantity?: unknown } }).update?.quantity
  if (quantity !== undefined) {
    assertQuantities([Number(quantity)])
  }
})

// A cart created with lines gets the same checks.
createCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = (input as { items?: Line[] }).items
  if (!items?.length) {
    return
  }
  assertQuantities(lines(items).map((l) => l.quantity))
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
