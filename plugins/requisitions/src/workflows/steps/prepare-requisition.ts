import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { assertOffersPurchasable } from "@tienda/framework-contracts/catalog"
import { assertUnitInScope } from "@tienda/organizations/http"
import { PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import {
  assertJustification,
  assertRequestedLines,
  assertRequisitionKey,
  pricedLines,
  requisitionTotals,
  type PricedLine,
  type RequisitionKeyFacts,
  type RequisitionOfferFacts,
  type RequestedLine,
} from "../../requisitions/prepare"
import { invalid } from "./service"

export type LineInput = RequestedLine

export type DeliveryAddress = { street: string; colonia: string; municipio: string; estado: string; codigo_postal: string }

export type PrepareRequisitionInput = {
  access: AccessContext
  customer_id: string
  unit_id: string
  justification: string
  budget_key_id: string
  delivery_place: string
  delivery_date: string
  /** Where the order is delivered, structured (street, colonia, municipio, estado, código postal). */
  delivery_address?: DeliveryAddress | null
  /** From the caller's cart, or given explicitly (edits). */
  cart_id?: string | null
  lines?: LineInput[] | null
}

export type PreparedLine = PricedLine

export type PreparedRequisition = {
  header: {
    number: string
    organization_id: string
    unit_id: string
    requester_person_id: string
    cart_id: string | null
    justification: string
    delivery_address: DeliveryAddress | null
    budget_key_id: string
    subtotal: string
    iva: string
    total: string
    currency_code: string
  }
  lines: PreparedLine[]
}

async function cartLines(container: MedusaContainer, cartId: string, customerId: string): Promise<LineInput[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  if (!cart || cart.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `El carrito ${cartId} no existe.`, "CARRITO_NO_EXISTE")
  }
  if (cart.completed_at) {
    invalid("CARRITO_YA_COMPLETADO", "El carrito ya se convirtió en pedido.")
  }
  const items = (cart.items ?? []) as { variant_id: string; quantity: unknown }[]
  return items.map((i) => ({ variant_id: i.variant_id, quantity: Number(i.quantity) }))
}

/**
 * Reads and checks everything a requisition needs (read-only): the caller may
 * requisition for the unit, every line is purchasable now and meets its
 * minimum quantity, the budget key is the agency's and its partida matches
 * the items' COG partida; prices are the offers' prices in force, IVA per line.
 */
export async function prepareRequisition(container: MedusaContainer, input: PrepareRequisitionInput): Promise<PreparedRequisition> {
  assertUnitInScope(input.access, PERMISSIONS.REQUISITIONS_CREATE, input.unit_id)
  assertJustification(input.justification)
  const lines = input.lines?.length ? input.lines : input.cart_id ? await cartLines(container, input.cart_id, input.customer_id) : []
  assertRequestedLines(lines, input.delivery_date, new Date(new Date().toISOString().slice(0, 10)))
  await assertOffersPurchasable(container, { customer_id: input.customer_id, lines, check_quantities: true })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [key],
  } = await query.graph({
    entity: "budget_key",
    fields: ["id", "organization_id", "unit_id", "partida_especifica", "is_active", "clave"],
    filters: { id: input.budget_key_id },
  })
  assertRequisitionKey(key as RequisitionKeyFacts | undefined, input.access.organization_id, input.unit_id)
  const fc = container.resolve("framework_contract") as { listOffers: (f: object, c: object) => Promise<unknown[]> }
  const offers = (await fc.listOffers(
    { variant_id: [...new Set(lines.map((l) => l.variant_id))] },
    { relations: ["item", "item.lot"], take: null },
  )) as RequisitionOfferFacts[]
  const prepared = pricedLines(lines, offers, key as RequisitionKeyFacts, { place: input.delivery_place, date: input.delivery_date })
  const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, "")
  return {
    header: {
      number: `REQ-${stamp}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      organization_id: input.access.organization_id,
      unit_id: input.unit_id,
      requester_person_id: input.access.person_id,
      cart_id: input.cart_id ?? null,
      justification: input.justification.trim(),
      delivery_address: input.delivery_address ?? null,
      budget_key_id: key.id as string,
      ...requisitionTotals(prepared),
      currency_code: "mxn",
    },
    lines: prepared,
  }
}

export const prepareRequisitionStepId = "requisitions-prepare-requisition"
/** This step checks and prices a requisition (read-only). */
export const prepareRequisitionStep = createStep(
  prepareRequisitionStepId,
  async (input: PrepareRequisitionInput, { container }) => new StepResponse(await prepareRequisition(container, input)),
)
