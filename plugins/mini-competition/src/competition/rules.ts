/**
 * The rules of a competition: the lot's rule row in force (effective-dated
 * data, with its legal citation) — or, for a lot without one, the lot's
 * fields and the store defaults — snapshotted when the competition is
 * created and again when its bidding opens (publication); a later change
 * never alters a published competition.
 */
export type OnInsufficientBids = "deserted" | "reinvite"

/**
 * How many new bidding rounds `reinvite` grants when the rules do not say
 * (`max_reinvite_rounds`; rules snapshotted before it existed granted one).
 */
export const REINVITATION_ROUNDS = 1

/**
 * The consequence of closing bidding round `round` (1 = the first) with
 * fewer valid bids than the rules' minimum: a new round when the rules say
 * `reinvite` and the rounds they grant (`max_reinvite_rounds`) are not
 * spent, else deserted.
 */
export function insufficientBidsConsequence(
  rules: Pick<CompetitionRules, "on_insufficient_bids" | "max_reinvite_rounds">,
  round: number,
): "reinvite" | "deserted" {
  const granted = rules.max_reinvite_rounds ?? REINVITATION_ROUNDS
  return rules.on_insufficient_bids === "reinvite" && round <= granted ? "reinvite" : "deserted"
}

export type EvaluationMethod = "lowest_price" | "points"

/**
 * The published weights of a points evaluation (whole points; they add up to
 * 100): the lowest valid total earns all the price points and every other
 * total its proportion (lowest ÷ own), likewise the shortest delivery.
 */
export type PointsWeights = { price: number; delivery_days: number }

/** The weights must be whole, not negative, and add up to 100 points. */
export function weightsProblem(weights: PointsWeights | null | undefined): string | null {
  if (!weights) {
    return "La evaluación por puntos requiere las ponderaciones de precio y de plazo de entrega."
  }
  const { price, delivery_days } = weights
  if (![price, delivery_days].every((w) => Number.isInteger(w) && w >= 0) || price + delivery_days !== 100) {
    return "Las ponderaciones de precio y de plazo de entrega deben ser puntos enteros que sumen 100."
  }
  if (price === 0) {
    return "El precio debe pesar en la evaluación por puntos (ponderación mayor que cero)."
  }
  return null
}

export type CompetitionRules = {
  /** Legal basis of the second stage. */
  citation: string
  /** Amount of the lot (before IVA) above which competing is mandatory. */
  threshold: string
  min_invitees: number
  min_valid_bids: number
  /** What happens with fewer valid bids than the minimum: deserted, or new bidding rounds (then deserted). */
  on_insufficient_bids: OnInsufficientBids
  /** New bidding rounds `reinvite` grants before deserting (absent in older snapshots: REINVITATION_ROUNDS). */
  max_reinvite_rounds?: number
  bid_window_business_days: number
  /** A bid this many percent (integer) or more under the average of valid bids is abnormally low. */
  abnormally_low_pct: number
  /** Lowest compliant price, or points with the published `weights` (plus `sme_bonus_points`). */
  method: EvaluationMethod
  /** Published with the competition before any bid; only for `points`. */
  weights?: PointsWeights | null
  /** Points added to an SME's score under `points` (0: none). */
  sme_bonus_points?: number
  /** Applied in order among equal totals (among equal points: after the lower total). */
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
  sme_preferences: { tie_break?: boolean; reserved?: boolean; bonus_points?: number } | null
  /** Absent in rows written before the column existed: lowest_price, no weights, one round. */
  method?: EvaluationMethod | null
  weights?: PointsWeights | null
  max_reinvite_rounds?: number | null
}

export const DEFAULT_RULES = {
  citation: "Art. 17 LAASSP; Art. 14 RLAASSP (segunda etapa del contrato marco)",
  min_valid_bids: 2,
  on_insufficient_bids: "deserted" as OnInsufficientBids,
  max_reinvite_rounds: REINVITATION_ROUNDS,
  abnormally_low_pct: 40,
  method: "lowest_price" as EvaluationMethod,
  weights: null as PointsWeights | null,
  sme_bonus_points: 0,
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
    max_reinvite_rounds: row.max_reinvite_rounds ?? REINVITATION_ROUNDS,
    method: row.method ?? "lowest_price",
    weights: row.method === "points" ? (row.weights ?? null) : null,
    sme_bonus_points: row.method === "points" ? (sme.bonus_points ?? 0) : 0,
    bid_window_business_days: row.bid_window_business_days,
    winner_confirmation_business_days: row.winner_confirmation_business_days,
    abnormally_low_pct: row.abnormally_low_pct,
    tie_break: sme.tie_break === false ? ["earliest_submission"] : ["sme", "earliest_submission"],
    sme_reserved: sme.reserved === true,
    rule_id: row.id,
    effective_from: new Date(row.effective_from).toISOString(),
  }
}
