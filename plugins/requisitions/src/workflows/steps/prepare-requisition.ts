import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { assertOffersPurchasable } from "@tienda/framework-contracts/catalog"
import { assertUnitInScope } from "@tienda/organizations/http"
import { PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import { lineAmounts, sumAmounts } from "../../requisitions/money"
import { invalid } from "./service"

export type LineInput = { variant_id: string; quantity: number; delivery_place?: string | null; delivery_date?: string | null }

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

export type PreparedLine = {
  offer_id: string
  variant_id: string
  supplier_id: string
  contract_id: string
  lot_id: string
  item_id: string
  item_name: string
  unspsc_code: string
  quantity: number
  unit_price: string
  iva_rate: string
  subtotal: string
  iva: string
  total: string
  delivery_place: string
  delivery_date: string
}

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

type OfferRow = {
  id: string
  variant_id: string
  supplier_id: string
  price: unknown
  item: { id: string; name: string; unspsc_code: string; cog_partida: string; iva_treatment: string; lot: { id: string; contract_id: string } }
}

async function cartLines(container: MedusaContainer, cartId: string, customerId: string): Promise<LineInput[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({
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
  if (input.justification.trim().length < 10) {
    invalid("JUSTIFICACION_REQUERIDA", "Escribe una justificación de al menos 10 caracteres.")
  }
  const today = new Date(new Date().toISOString().slice(0, 10))
  const lines = input.lines?.length ? input.lines : input.cart_id ? await cartLines(container, input.cart_id, input.customer_id) : []
  if (!lines.length) {
    invalid("REQUISICION_SIN_ARTICULOS", "La requisición no tiene artículos.")
  }
  for (const l of lines) {
    const date = new Date(l.delivery_date ?? input.delivery_date)
    if (Number.isNaN(date.getTime()) || date < today) {
      invalid("FECHA_DE_ENTREGA_INVALIDA", "La fecha de entrega debe ser hoy o posterior.")
    }
    if (!Number.isInteger(l.quantity) || l.quantity < 1) {
      invalid("CANTIDAD_INVALIDA", "Cada cantidad debe ser un entero mayor que cero.")
    }
  }
  await assertOffersPurchasable(container, { customer_id: input.customer_id, lines, check_quantities: true })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [key] } = await query.graph({
    entity: "budget_key",
    fields: ["id", "organization_id", "unit_id", "partida_especifica", "is_active", "clave"],
    filters: { id: input.budget_key_id },
  })
  if (!key || key.organization_id !== input.access.organization_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "La clave presupuestaria no existe en tu dependencia.", "CLAVE_PRESUPUESTAL_NO_EXISTE")
  }
  if (key.unit_id && key.unit_id !== input.unit_id) {
    invalid("CLAVE_PRESUPUESTAL_DE_OTRA_UNIDAD", "La clave presupuestaria pertenece a otra unidad.")
  }
  const fc = container.resolve("framework_contract") as { listOffers: (f: object, c: object) => Promise<unknown[]> }
  const offers = (await fc.listOffers(
    { variant_id: [...new Set(lines.map((l) => l.variant_id))] },
    { relations: ["item", "item.lot"], take: null }
  )) as OfferRow[]
  const prepared: PreparedLine[] = lines.map((l) => {
    const offer = offers.find((o) => o.variant_id === l.variant_id)!
    if (offer.item.cog_partida !== key.partida_especifica) {
      invalid(
        "PARTIDA_NO_CORRESPONDE",
        `«${offer.item.name}» es de la partida ${offer.item.cog_partida} y la clave ${key.clave} es de la partida ${key.partida_especifica}.`
      )
    }
    const amounts = lineAmounts(String(offer.price), l.quantity, offer.item.iva_treatment)
    return {
      offer_id: offer.id,
      variant_id: l.variant_id,
      supplier_id: offer.supplier_id,
      contract_id: offer.item.lot.contract_id,
      lot_id: offer.item.lot.id,
      item_id: offer.item.id,
      item_name: offer.item.name,
      unspsc_code: offer.item.unspsc_code,
      quantity: l.quantity,
      unit_price: String(offer.price),
      ...amounts,
      delivery_place: (l.delivery_place ?? input.delivery_place).trim(),
      delivery_date: l.delivery_date ?? input.delivery_date,
    }
  })
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
      subtotal: sumAmounts(prepared.map((l) => l.subtotal)),
      iva: sumAmounts(prepared.map((l) => l.iva)),
      total: sumAmounts(prepared.map((l) => l.total)),
      currency_code: "mxn",
    },
    lines: prepared,
  }
}

export const prepareRequisitionStepId = "requisitions-prepare-requisition"
/** This step checks and prices a requisition (read-only). */
export const prepareRequisitionStep = createStep(
  prepareRequisitionStepId,
  async (input: PrepareRequisitionInput, { container }) => new StepResponse(await prepareRequisition(container, input))
)
