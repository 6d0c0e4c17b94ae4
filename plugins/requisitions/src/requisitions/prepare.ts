import { MedusaError } from "@medusajs/framework/utils"
import { invalid } from "./errors"
import { lineAmounts, sumAmounts } from "./money"

/**
 * The rules a requisition must meet before it is stored, as pure functions
 * of the request and the facts loaded for it; `prepare-requisition.ts`
 * loads (cart, budget key, offers) and calls them in order.
 */

export type RequestedLine = { variant_id: string; quantity: number; delivery_place?: string | null; delivery_date?: string | null }

/** A justification of at least 10 characters. */
export function assertJustification(justification: string): void {
  if (justification.trim().length < 10) {
    invalid("JUSTIFICACION_REQUERIDA", "Escribe una justificación de al menos 10 caracteres.")
  }
}

/** At least one line; each delivered today or later (its own date or the requisition's) in a whole quantity ≥ 1. */
export function assertRequestedLines(lines: RequestedLine[], deliveryDate: string, today: Date): void {
  if (!lines.length) {
    invalid("REQUISICION_SIN_ARTICULOS", "La requisición no tiene artículos.")
  }
  for (const l of lines) {
    const date = new Date(l.delivery_date ?? deliveryDate)
    if (Number.isNaN(date.getTime()) || date < today) {
      invalid("FECHA_DE_ENTREGA_INVALIDA", "La fecha de entrega debe ser hoy o posterior.")
    }
    if (!Number.isInteger(l.quantity) || l.quantity < 1) {
      invalid("CANTIDAD_INVALIDA", "Cada cantidad debe ser un entero mayor que cero.")
    }
  }
}

export type RequisitionKeyFacts = { id: string; organization_id: string; unit_id: string | null; partida_especifica: string; clave: string }

/** The budget key is the agency's (404 otherwise: no oracle) and, when it belongs to a unit, the requisition's unit. */
export function assertRequisitionKey<K extends RequisitionKeyFacts>(
  key: K | undefined,
  organizationId: string,
  unitId: string,
): asserts key is K {
  if (!key || key.organization_id !== organizationId) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      "La clave presupuestaria no existe en tu dependencia.",
      "CLAVE_PRESUPUESTAL_NO_EXISTE",
    )
  }
  if (key.unit_id && key.unit_id !== unitId) {
    invalid("CLAVE_PRESUPUESTAL_DE_OTRA_UNIDAD", "La clave presupuestaria pertenece a otra unidad.")
  }
}

export type RequisitionOfferFacts = {
  id: string
  variant_id: string
  supplier_id: string
  price: unknown
  item: {
    id: string
    name: string
    unspsc_code: string
    cog_partida: string
    iva_treatment: string
    lot: { id: string; contract_id: string }
  }
}

export type PricedLine = {
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

/**
 * Each line at its offer's price in force with IVA per line, delivered where
 * and when it says (else where and when the requisition says); every item of
 * the budget key's partida.
 */
export function pricedLines(
  lines: RequestedLine[],
  offers: RequisitionOfferFacts[],
  key: Pick<RequisitionKeyFacts, "clave" | "partida_especifica">,
  delivery: { place: string; date: string },
): PricedLine[] {
  return lines.map((l) => {
    const offer = offers.find((o) => o.variant_id === l.variant_id)!
    if (offer.item.cog_partida !== key.partida_especifica) {
      invalid(
        "PARTIDA_NO_CORRESPONDE",
        `«${offer.item.name}» es de la partida ${offer.item.cog_partida} y la clave ${key.clave} es de la partida ${key.partida_especifica}.`,
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
      delivery_place: (l.delivery_place ?? delivery.place).trim(),
      delivery_date: l.delivery_date ?? delivery.date,
    }
  })
}

/** The requisition's totals: the sums of its lines' (each already rounded). */
export function requisitionTotals(lines: Pick<PricedLine, "subtotal" | "iva" | "total">[]) {
  return {
    subtotal: sumAmounts(lines.map((l) => l.subtotal)),
    iva: sumAmounts(lines.map((l) => l.iva)),
    total: sumAmounts(lines.map((l) => l.total)),
  }
}
