import type { MedusaContainer } from "@medusajs/framework/types"
import { bidDeadline } from "../../competition/business-days"
import { fixed2, fromCentavos, toCentavos } from "../../competition/money"
import { DEFAULT_RULES, type CompetitionRules } from "../../competition/rules"
import type { BidContent } from "../../competition/seal"
import type { SignatureRecord } from "../../competition/signing"
import type { ownCompetition } from "./own-competition"
import { mc } from "./service"

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

/** An award that lapsed because its supplier did not confirm in time (or was no longer eligible). */
export type LapsedOffer = {
  supplier_id: string
  bid_id: string
  offered_at: string
  confirmation_deadline: string
  lapsed_at: string
  reason: string
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
  rank: number
  commitment: string
  delivery_days: number
  lines: AwardLine[]
  subtotal: string
  savings: string
  currency_code: "mxn"
  computed_winner_supplier_id: string | null
  deviates: boolean
  justification: string | null
  /** The deviating official's e.firma over the justification (null when the award follows the computed winner). */
  justification_signature?: SignatureRecord | null
  rationale: string
  flags: Record<string, unknown>[]
  decided_by_person_id: string
  offered_at: string
  confirmation_deadline: string
  lapsed: LapsedOffer[]
  accepted_at?: string
  accepted_by_person_id?: string
  /** The winner's e.firma over `awardAcceptancePayload`. */
  acceptance_signature?: SignatureRecord
}

type Competition = Awaited<ReturnType<typeof ownCompetition>>

/** The winner's confirmation window, from the competition's rules (snapshots older than the rule: 2 business days). */
export function confirmationDeadline(competition: Competition, at: Date): Date {
  const rules = competition.rules as unknown as Partial<CompetitionRules>
  return bidDeadline(at, rules.winner_confirmation_business_days ?? DEFAULT_RULES.winner_confirmation_business_days)
}

/** The award of `bidId` at its revealed prices, with the savings against the ceilings (never negative: prices were checked). */
export async function awardOf(
  container: MedusaContainer,
  competition: Competition,
  bid: { bid_id: string; rank: number },
  decision: Pick<
    Award,
    | "computed_winner_supplier_id"
    | "deviates"
    | "justification"
    | "justification_signature"
    | "rationale"
    | "flags"
    | "decided_by_person_id"
    | "lapsed"
  >,
  at: Date,
): Promise<Award> {
  const row = await mc(container).retrieveCompetitionBid(bid.bid_id)
  const revealed = row.revealed as unknown as BidContent
  const lines: AwardLine[] = (competition.lines ?? []).map((l) => {
    const price = toCentavos(revealed.lines.find((p) => p.line_id === l.id)!.unit_price)
    const ceiling = toCentavos(fixed2(l.ceiling_price))
    return {
      line_id: l.id,
      item_id: l.item_id,
      item_name: l.item_name,
      unspsc_code: l.unspsc_code,
      quantity: l.quantity,
      unit_price: fromCentavos(price),
      ceiling_price: fromCentavos(ceiling),
      iva_rate: l.iva_rate,
      subtotal: fromCentavos(price * BigInt(l.quantity)),
      savings: fromCentavos((ceiling - price) * BigInt(l.quantity)),
    }
  })
  const sum = (k: "subtotal" | "savings") => fromCentavos(lines.reduce((s, l) => s + toCentavos(l[k]), 0n))
  return {
    competition_id: competition.id,
    number: competition.number,
    requisition_id: competition.requisition_id,
    organization_id: competition.organization_id,
    unit_id: competition.unit_id,
    contract_id: competition.contract_id,
    lot_id: competition.lot_id,
    supplier_id: row.supplier_id,
    bid_id: row.id,
    rank: bid.rank,
    commitment: row.commitment,
    delivery_days: revealed.delivery_days,
    lines,
    subtotal: sum("subtotal"),
    savings: sum("savings"),
    currency_code: "mxn",
    ...decision,
    offered_at: at.toISOString(),
    confirmation_deadline: confirmationDeadline(competition, at).toISOString(),
  }
}
