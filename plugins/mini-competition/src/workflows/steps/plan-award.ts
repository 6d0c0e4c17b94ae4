import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { conflict, invalid } from "../../competition/errors"
import type { Evaluation } from "../../competition/evaluate"
import { fixed2, fromCentavos, toCentavos } from "../../competition/money"
import type { BidContent } from "../../competition/seal"
import { ownCompetition } from "./own-competition"
import { mc } from "./service"

export type PlanAwardInput = {
  competition_id: string
  organization_id: string
  /** The supplier to award; the computed winner when omitted. */
  supplier_id?: string | null
  /** Required when the award deviates from the computed winner. */
  justification?: string | null
  person_id: string
  at: string
}

export type AwardLine = {
  line_id: string
  item_id: string
  item_name: string
  unspsc_code: string
  quantity: number
  unit_price: string
  ceiling_price: string
  iva_rate: string
  subtotal: string
  savings: string
}

/** The award as data: what the contract-bound path needs to draw the specific contract. */
export type Award = {
  competition_id: string
  number: string
  requisition_id: string | null
  organization_id: string
  unit_id: string
  contract_id: string
  lot_id: string
  supplier_id: string
  bid_id: string
  commitment: string
  delivery_days: number
  lines: AwardLine[]
  subtotal: string
  savings: string
  currency_code: "mxn"
  computed_winner_supplier_id: string | null
  deviates: boolean
  justification: string | null
  rationale: string
  awarded_by_person_id: string
  awarded_at: string
}

/**
 * This step decides (read-only) the award of an opened competition: the
 * computed winner unless the Purchasing Unit names another valid bidder
 * with a justification (recorded as a red flag), the winner still eligible
 * at the award, and the award's lines at the winning prices with the
 * savings against the ceilings.
 */
export const planAwardStepId = "mini-competition-plan-award"
export const planAwardStep = createStep(planAwardStepId, async (input: PlanAwardInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, input.organization_id)
  if (competition.status !== "opened") {
    conflict(`La segunda etapa ${competition.number} no está abierta y sin adjudicar (estado: ${competition.status}).`, "COMPETENCIA_NO_ABIERTA")
  }
  const evaluation = competition.evaluation as unknown as Evaluation
  const computed = evaluation.winner?.supplier_id ?? null
  const chosen = input.supplier_id ?? computed
  const ranked = evaluation.bids.find((b) => b.supplier_id === chosen && b.valid)
  if (!chosen || !ranked) {
    invalid("Solo se puede adjudicar a una propuesta válida de esta segunda etapa.", "PROPUESTA_NO_VALIDA")
  }
  const deviates = chosen !== computed
  const justification = input.justification?.trim() || null
  if (deviates && (!justification || justification.length < 30)) {
    invalid("Adjudicar a una propuesta distinta de la ganadora calculada exige una justificación de al menos 30 caracteres.", "JUSTIFICACION_REQUERIDA")
  }
  const at = new Date(input.at)
  const eligibility = await checkEligibility(container, { supplier_id: chosen, contract_id: competition.contract_id, purpose: "award", at })
  if (!eligibility.eligible) {
    conflict(`No se puede adjudicar: ${eligibility.reasons.map((r) => r.message).join(" ")}`, "PROVEEDOR_NO_ELEGIBLE")
  }
  const bid = await mc(container).retrieveCompetitionBid(ranked.bid_id)
  const revealed = bid.revealed as unknown as BidContent
  const lines: AwardLine[] = (competition.lines ?? []).map((l) => {
    const price = revealed.lines.find((p) => p.line_id === l.id)!.unit_price
    const ceiling = fixed2(l.ceiling_price)
    return {
      line_id: l.id,
      item_id: l.item_id,
      item_name: l.item_name,
      unspsc_code: l.unspsc_code,
      quantity: l.quantity,
      unit_price: fromCentavos(toCentavos(price)),
      ceiling_price: ceiling,
      iva_rate: l.iva_rate,
      subtotal: fromCentavos(toCentavos(price) * BigInt(l.quantity)),
      savings: fromCentavos((toCentavos(ceiling) - toCentavos(price)) * BigInt(l.quantity)),
    }
  })
  // prices were checked against the ceilings: savings are never negative
  const sum = (k: "subtotal" | "savings") => fromCentavos(lines.reduce((s, l) => s + toCentavos(l[k]), 0n))
  const award: Award = {
    competition_id: competition.id,
    number: competition.number,
    requisition_id: competition.requisition_id,
    organization_id: competition.organization_id,
    unit_id: competition.unit_id,
    contract_id: competition.contract_id,
    lot_id: competition.lot_id,
    supplier_id: chosen,
    bid_id: bid.id,
    commitment: bid.commitment,
    delivery_days: revealed.delivery_days,
    lines,
    subtotal: sum("subtotal"),
    savings: sum("savings"),
    currency_code: "mxn",
    computed_winner_supplier_id: computed,
    deviates,
    justification,
    rationale: deviates ? `Adjudicación distinta de la calculada (${evaluation.rationale}). Justificación: ${justification}` : evaluation.rationale,
    awarded_by_person_id: input.person_id,
    awarded_at: at.toISOString(),
  }
  const flags = deviates
    ? [{ kind: "adjudicacion_distinta_a_la_calculada", message: `Se adjudicó a ${chosen} y no a la propuesta ganadora calculada (${computed}).`, justification }]
    : []
  return new StepResponse({ award, flags })
})
