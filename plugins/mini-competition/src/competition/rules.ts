/**
 * The rules of a competition: the lot's rule row in force (effective-dated
 * data, with its legal citation) — or, for a lot without one, the lot's
 * fields and the store defaults — snapshotted when the competition is
 * created and again when its bidding opens (publication); a later change
 * never alters a published competition.
 */
export type OnInsufficientBids = "deserted" | "reinvite"

/** How many new bidding rounds `reinvite` grants before a competition still short of valid bids is deserted. */
export const REINVITATION_ROUNDS = 1

/**
 * The consequence of closing bidding round `round` (1 = the first) with
 * fewer valid bids than the rules' minimum: a new round when the rules say
 * `reinvite` and the rounds it grants are not spent, else deserted.
 */
export function insufficientBidsConsequence(rules: Pick<CompetitionRules, "on_insufficient_bids">, round: number): "reinvite" | "deserted" {
  return rules.on_insufficient_bids === "reinvite" && round <= REINVITATION_ROUNDS ? "reinvite" : "deserted"
}

export type CompetitionRules = {
  /** Legal basis of the second stage. */
  citation: string
  /** Amount of the lot (before IVA) above which competing is mandatory. */
  threshold: string
  min_invitees: number
  min_valid_bids: number
  /** What happens with fewer valid bids than the minimum: deserted, or one new bidding round (then deserted). */
  on_insufficient_bids: OnInsufficientBids
  bid_window_business_days: number
  /** A bid this many percent (integer) or more under the average of valid bids is abnormally low. */
  abnormally_low_pct: number
  method: "lowest_price"
  /** Applied in order among equal totals. */
  tie_break: ("sme" | "earliest_submission")[]
  /** Business days the supplier offered the award has to confirm it before it passes to the next ranked bid. */
  winner_confirmation_business_days: number
  /** Only SME (micro, pequeña, mediana) suppliers are invited. */
  sme_reserved?: boolean
  /** The rule row the values come from, and from when it is in force (null: lot fields and store defaults). */
  rule_id?: string | null
  effective_from?: string | null
}

/** One effective-dated rule row of a lot (mc_competition_rule). */
export type RuleRow = {
  id: string
  lot_id: string
  effective_from: Date | string
  citation: string
  min_invitees: number
  min_valid_bids: number
  on_insufficient_bids: OnInsufficientBids
  bid_window_business_days: number
  winner_confirmation_business_days: number
  abnormally_low_pct: number
  sme_preferences: { tie_break?: boolean; reserved?: boolean } | null
}

export const DEFAULT_RULES = {
  citation: "Art. 17 LAASSP; Art. 14 RLAASSP (segunda etapa del contrato marco)",
  min_valid_bids: 2,
  on_insufficient_bids: "deserted" as OnInsufficientBids,
  abnormally_low_pct: 40,
  method: "lowest_price" as const,
  tie_break: ["sme", "earliest_submission"] as ("sme" | "earliest_submission")[],
  winner_confirmation_business_days: 2,
}

export function rulesFromLot(lot: {
  competition_threshold: unknown
  min_invitees: number
  bid_window_business_days: number
}): CompetitionRules {
  return {
    ...DEFAULT_RULES,
    threshold: String(lot.competition_threshold),
    min_invitees: lot.min_invitees,
    bid_window_business_days: lot.bid_window_business_days,
  }
}

/**
 * The rules in force for a lot at `at`: the row with the latest
 * `effective_from` not after `at` (a row starting later is not yet in
 * force), else the lot's fields and the store defaults. The threshold is
 * always the lot's: it is what routes a requisition to the second stage.
 */
export function rulesInForce(
  lot: { id: string; competition_threshold: unknown; min_invitees: number; bid_window_business_days: number },
  rows: RuleRow[],
  at: Date,
): CompetitionRules {
  const row = rows
    .filter((r) => r.lot_id === lot.id && new Date(r.effective_from).getTime() <= at.getTime())
    .sort((a, b) => new Date(b.effective_from).getTime() - new Date(a.effective_from).getTime())[0]
  if (!row) {
    return { ...rulesFromLot(lot), sme_reserved: false, rule_id: null, effective_from: null }
  }
  const sme = row.sme_preferences ?? {}
  return {
    ...DEFAULT_RULES,
    citation: row.citation,
    threshold: String(lot.competition_threshold),
    min_invitees: row.min_invitees,
    min_valid_bids: row.min_valid_bids,
    on_insufficient_bids: row.on_insufficient_bids,
    bid_window_business_days: row.bid_window_business_days,
    winner_confirmation_business_days: row.winner_confirmation_business_days,
    abnormally_low_pct: row.abnormally_low_pct,
    tie_break: sme.tie_break === false ? ["earliest_submission"] : ["sme", "earliest_submission"],
    sme_reserved: sme.reserved === true,
    rule_id: row.id,
    effective_from: new Date(row.effective_from).toISOString(),
  }
}
