import { MathBN } from "@medusajs/framework/utils"
import { amountInWordsMxn } from "./amount-in-words"
import { invalid, notAllowed, SPECIFIC_CONTRACT_ERRORS as E } from "../errors"
import { lineAmounts, percentChange, round2, sumAmounts, type IvaTreatment } from "./money"
import type { AmendmentChange, ContractData, ContractLine } from "./types"

export type OfferFacts = {
  id: string
  supplier_id: string
  price: string
  status: string
  min_order_qty: number
  delivery_days: Record<string, number> | null
  item: {
    id: string
    code: string
    name: string
    description: string
    unspsc_code: string
    cog_partida: string
    sat_clave_unidad: string
    iva_treatment: IvaTreatment
    contract_id: string
  }
}

const AWARDED_PRICE = /^\d{1,12}(\.\d{1,2})?$/

/**
 * The unit price (before IVA) a contract line is frozen at: the offer's
 * price in force, or — for a contract drawn from a confirmed second-stage
 * award — the winning bid's price, which only an award may set and which
 * may never exceed the item's ceiling price in force.
 */
export function linePrice(input: {
  item_name: string
  offer_price: string
  awarded_price?: string | null
  ceiling_price: string | null
  award_id?: string | null
}): string {
  if (input.awarded_price === undefined || input.awarded_price === null) {
    return round2(input.offer_price)
  }
  if (!input.award_id) {
    throw notAllowed(
      E.PRICE_WITHOUT_AWARD,
      `«${input.item_name}»: solo una adjudicación de segunda etapa fija un precio distinto del vigente de la oferta.`,
    )
  }
  if (!AWARDED_PRICE.test(input.awarded_price) || MathBN.lte(input.awarded_price, 0)) {
    throw invalid(E.OFFER_INVALID, `«${input.item_name}»: el precio adjudicado debe ser un importe positivo con hasta dos decimales.`)
  }
  if (input.ceiling_price !== null && MathBN.gt(input.awarded_price, input.ceiling_price)) {
    throw notAllowed(
      E.ABOVE_CEILING,
      `«${input.item_name}»: el precio adjudicado de ${round2(input.awarded_price)} MXN excede el precio techo vigente de ${round2(input.ceiling_price)} MXN.`,
    )
  }
  return round2(input.awarded_price)
}

export type LineRequest = { offer: OfferFacts; quantity: number; delivery_date: string | null }

/**
 * Contract lines from offers: frozen price, classification and unit, the
 * per-line IVA, and the delivery term (the line's date, else the contract's
 * date, else the supplier's delivery days to the delivery state).
 */
export function buildLines(
  requests: LineRequest[],
  delivery: { date: string | null; state_code: string | null },
  unitName: (clave: string) => string,
): ContractLine[] {
  return requests.map((r, i) => {
    const { offer, quantity } = r
    const date = r.delivery_date ?? delivery.date
    let days: number | null = null
    if (!date) {
      days = delivery.state_code ? (offer.delivery_days?.[delivery.state_code] ?? null) : null
      if (days === null) {
        throw invalid(
          E.OFFER_INVALID,
          `«${offer.item.name}»: el proveedor no entrega en el estado del lugar de entrega (${delivery.state_code ?? "sin estado"}); indica una fecha de entrega.`,
        )
      }
    }
    const price = round2(offer.price)
    return {
      line: i + 1,
      offer_id: offer.id,
      item_id: offer.item.id,
      item_code: offer.item.code,
      description: offer.item.name,
      unspsc_code: offer.item.unspsc_code,
      cog_partida: offer.item.cog_partida,
      sat_clave_unidad: offer.item.sat_clave_unidad,
      unit_name: unitName(offer.item.sat_clave_unidad),
      quantity,
      unit_price: price,
      iva_treatment: offer.item.iva_treatment,
      ...lineAmounts(price, quantity, offer.item.iva_treatment),
      delivery_date: date,
      delivery_days: days,
    }
  })
}

export function buildTotals(lines: ContractLine[]): ContractData["totals"] {
  const totals = sumAmounts(lines)
  return { ...totals, currency: "MXN", total_in_words: amountInWordsMxn(totals.total), iva_method: "por_concepto" }
}

/** Largest increase of the original amount an amendment may reach (LAASSP art. 52). */
export const AMENDMENT_MAX_INCREASE_PERCENT = "20"

export type AmendmentRequest = {
  changes: { line: number; quantity?: number; delivery_date?: string }[]
  reason: string
}

/**
 * The data of a convenio modificatorio: the lines in force with the
 * requested quantity / delivery-date changes (prices never change), new
 * totals, and the cumulative change against the original contract, which
 * may not increase the original amount (without IVA) by more than 20 %.
 */
export function buildAmendmentData(input: {
  base: ContractData
  original: { id: string; number: string; subtotal: string }
  request: AmendmentRequest
  number: string
  sequence: number
  issued_on: string
  template: { code: string; version: number }
  agency_representative?: ContractData["agency"]["representative"]
}): ContractData {
  const { base, request } = input
  if (!request.changes.length) {
    throw invalid(E.AMENDMENT_INVALID, "Indica al menos un cambio de cantidad o de fecha de entrega.")
  }
  const lines = base.lines.map((l) => ({ ...l }))
  const changes: AmendmentChange[] = []
  const seen = new Set<number>()
  for (const c of request.changes) {
    const line = lines.find((l) => l.line === c.line)
    if (!line || seen.has(c.line)) {
      throw invalid(E.AMENDMENT_INVALID, `La partida ${c.line} no existe en el contrato o está repetida en el convenio.`)
    }
    seen.add(c.line)
    if (c.quantity !== undefined && c.quantity !== line.quantity) {
      changes.push({
        line: line.line,
        description: line.description,
        field: "Cantidad",
        from: String(line.quantity),
        to: String(c.quantity),
      })
      Object.assign(line, { quantity: c.quantity }, lineAmounts(line.unit_price, c.quantity, line.iva_treatment))
    }
    if (c.delivery_date !== undefined && c.delivery_date !== line.delivery_date) {
      changes.push({
        line: line.line,
        description: line.description,
        field: "Fecha de entrega",
        from: line.delivery_date ?? `${line.delivery_days} días naturales`,
        to: c.delivery_date,
      })
      line.delivery_date = c.delivery_date
      line.delivery_days = null
    }
  }
  if (!changes.length) {
    throw invalid(E.AMENDMENT_INVALID, "El convenio no cambia nada: las cantidades y fechas indicadas son las vigentes.")
  }
  const totals = buildTotals(lines)
  if (MathBN.eq(totals.subtotal, 0)) {
    throw invalid(E.AMENDMENT_INVALID, "El convenio no puede dejar el contrato sin monto; para terminarlo usa la terminación anticipada.")
  }
  const change = percentChange(input.original.subtotal, totals.subtotal)
  if (MathBN.gt(change, AMENDMENT_MAX_INCREASE_PERCENT)) {
    throw invalid(
      E.AMENDMENT_OVER_20,
      `El convenio aumentaría el monto del contrato ${input.original.number} en ${change} % respecto del monto original (${input.original.subtotal} sin IVA); el artículo 52 de la LAASSP permite modificaciones de hasta el 20 % en conjunto.`,
    )
  }
  return {
    ...base,
    kind: "amendment",
    number: input.number,
    issued_on: input.issued_on,
    agency: input.agency_representative ? { ...base.agency, representative: input.agency_representative } : base.agency,
    lines,
    totals,
    delivery: { ...base.delivery, date: lines.every((l) => l.delivery_date === base.delivery.date) ? base.delivery.date : null },
    template: input.template,
    amendment: {
      parent_id: input.original.id,
      parent_number: input.original.number,
      sequence: input.sequence,
      reason: request.reason,
      original_subtotal: round2(input.original.subtotal),
      previous_subtotal: base.totals.subtotal,
      change_percent: change,
      changes,
    },
  }
}
