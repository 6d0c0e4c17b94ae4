/**
 * The rules of a competition, snapshotted from its lot when the competition
 * is created (a later change of the lot never alters it).
 */
export type CompetitionRules = {
  /** Legal basis of the second stage. */
  citation: string
  /** Amount of the lot (before IVA) above which competing is mandatory. */
  threshold: string
  min_invitees: number
  min_valid_bids: number
  /** What happens with fewer valid bids than the minimum. */
  on_insufficient_bids: "deserted"
  bid_window_business_days: number
  /** A bid this many percent (integer) or more under the average of valid bids is abnormally low. */
  abnormally_low_pct: number
  method: "lowest_price"
  /** Applied in order among equal totals. */
  tie_break: ("sme" | "earliest_submission")[]
  /** Business days the supplier offered the award has to confirm it before it passes to the next ranked bid. */
  winner_confirmation_business_days: number
}

export const DEFAULT_RULES = {
  citation: "Art. 17 LAASSP; Art. 14 RLAASSP (segunda etapa del contrato marco)",
  min_valid_bids: 2,
  on_insufficient_bids: "deserted" as const,
  abnormally_low_pct: 40,
  method: "lowest_price" as const,
  tie_break: ["sme", "earliest_submission"] as ("sme" | "earliest_submission")[],
  winner_confirmation_business_days: 2,
}

export function rulesFromLot(lot: { competition_threshold: unknown; min_invitees: number; bid_window_business_days: number }): CompetitionRules {
  return {
    ...DEFAULT_RULES,
    threshold: String(lot.competition_threshold),
    min_invitees: lot.min_invitees,
    bid_window_business_days: lot.bid_window_business_days,
  }
}
