import { MedusaError } from "@medusajs/framework/utils"
import { sumAmounts } from "./money"

/**
 * A confirmed second-stage award, as the mini-competition plugin (a higher
 * layer) hands it to contract generation: the competed lot, the winning
 * supplier and each item at the winning bid's unit price (before IVA).
 */
export type ContractAward = {
  /** The competition's id (the contract's `award_id`). */
  id: string
  number: string
  lot_id: string
  contract_id: string
  supplier_id: string
  lines: { item_id: string; quantity: number; unit_price: string }[]
}

/** A requisition line as generation reads it. */
export type PlanLine = {
  offer_id: string
  supplier_id: string
  contract_id: string
  lot_id: string
  item_id: string
  item_name?: string
  quantity: number
  total: unknown
  delivery_place: string
  delivery_date: Date | string
}

/** One specific contract to issue: its supplier, what the requisition approved for it, its lines. */
export type ContractGroup = {
  supplier_id: string
  contract_id: string
  award: { id: string; number: string } | null
  /** What the requisition reserved for these lines, total with IVA: the contract may not exceed it. */
  approved_total: string
  delivery_place: string
  lines: { offer_id: string; quantity: number; delivery_date: string; unit_price?: string }[]
}

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10)

/** Code first, then the Spanish message (docs/conventions.md, errors). */
const refuse = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
}

/**
 * The contracts a requisition's lines produce — the one rule for both
 * sources. Lines of a lot that did not compete: one contract per supplier
 * and framework contract, at the offers' prices. Lines of a competed lot:
 * one contract for the award's winning supplier, at the winning prices, the
 * quantities the requisition holds for each item and the earliest delivery
 * date asked for it; it may not exceed what the requisition reserved for
 * that lot. Every competed lot needs its confirmed award; awarded contracts
 * come first, in the order of `awards`.
 */
export function contractGroups(input: {
  requisition_number: string
  lines: PlanLine[]
  competed_lot_ids: string[]
  awards: ContractAward[]
  /** The winning suppliers' offers of the awarded items. */
  offers: { id: string; supplier_id: string; item_id: string }[]
}): ContractGroup[] {
  const { lines, awards } = input
  const competed = new Set(input.competed_lot_ids)
  for (const lot of competed) {
    if (!awards.some((a) => a.lot_id === lot)) {
      refuse(
        "COMPETENCIA_SIN_ADJUDICAR",
        `La requisición ${input.requisition_number} tiene un lote en segunda etapa sin adjudicación confirmada: sus contratos se generan cuando el proveedor ganador confirma la adjudicación.`,
      )
    }
  }
  const groups: ContractGroup[] = []
  for (const award of awards) {
    const mine = lines.filter((l) => l.lot_id === award.lot_id)
    if (!competed.has(award.lot_id) || !mine.length || awards.filter((a) => a.lot_id === award.lot_id).length > 1) {
      refuse(
        "ADJUDICACION_NO_CORRESPONDE",
        `La adjudicación ${award.number} no corresponde a un lote en segunda etapa de la requisición ${input.requisition_number}.`,
      )
    }
    const items = [...new Set(mine.map((l) => l.item_id))]
    if (items.length !== award.lines.length || award.lines.some((a) => !items.includes(a.item_id))) {
      refuse(
        "ADJUDICACION_NO_CORRESPONDE",
        `La adjudicación ${award.number} no cubre exactamente las partidas del lote en la requisición ${input.requisition_number}.`,
      )
    }
    groups.push({
      supplier_id: award.supplier_id,
      contract_id: award.contract_id,
      award: { id: award.id, number: award.number },
      approved_total: sumAmounts(mine.map((l) => String(l.total))),
      delivery_place: mine[0].delivery_place,
      lines: award.lines.map((a) => {
        const of = mine.filter((l) => l.item_id === a.item_id)
        const quantity = of.reduce((s, l) => s + l.quantity, 0)
        if (quantity !== a.quantity) {
          refuse(
            "ADJUDICACION_NO_CORRESPONDE",
            `La adjudicación ${award.number} cotiza ${a.quantity} unidades de una partida y la requisición pide ${quantity}.`,
          )
        }
        const offer = input.offers.find((o) => o.supplier_id === award.supplier_id && o.item_id === a.item_id)
        if (!offer) {
          refuse(
            "ADJUDICACION_SIN_OFERTA",
            `El proveedor adjudicado ya no tiene oferta de «${of[0].item_name ?? a.item_id}» en el contrato marco.`,
          )
        }
        const delivery = of.map((l) => day(l.delivery_date)).sort()[0]
        return { offer_id: offer!.id, quantity, delivery_date: delivery, unit_price: a.unit_price }
      }),
    })
  }
  const byOffer = new Map<string, PlanLine[]>()
  for (const l of lines.filter((l) => !competed.has(l.lot_id))) {
    const k = `${l.supplier_id}|${l.contract_id}`
    byOffer.set(k, [...(byOffer.get(k) ?? []), l])
  }
  for (const group of byOffer.values()) {
    groups.push({
      supplier_id: group[0].supplier_id,
      contract_id: group[0].contract_id,
      award: null,
      approved_total: sumAmounts(group.map((l) => String(l.total))),
      delivery_place: group[0].delivery_place,
      lines: group.map((l) => ({ offer_id: l.offer_id, quantity: l.quantity, delivery_date: day(l.delivery_date) })),
    })
  }
  return groups
}
