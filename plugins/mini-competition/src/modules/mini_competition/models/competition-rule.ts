import { model } from "@medusajs/framework/utils"

/**
 * The second-stage rules of one lot from `effective_from` on (effective-dated
 * data; the row with the latest `effective_from` not after a moment is the
 * one in force then). Rows are never edited: a change is a new row, and a
 * competition snapshots the rules in force when its bidding opens.
 */
const CompetitionRule = model
  .define(
    { name: "competition_rule", tableName: "mc_competition_rule" },
    {
      id: model.id({ prefix: "mcrule" }).primaryKey(),
      lot_id: model.text(),
      effective_from: model.dateTime(),
      /** Legal basis (law, regulation, DOF agreement) of these values. */
      citation: model.text(),
      min_invitees: model.number(),
      min_valid_bids: model.number(),
      on_insufficient_bids: model.enum(["deserted", "reinvite"]).default("deserted"),
      /** New bidding rounds `reinvite` grants before the competition is deserted. */
      max_reinvite_rounds: model.number().default(1),
      /** Evaluation method: lowest compliant price, or points with the published `weights`. */
      method: model.enum(["lowest_price", "points"]).default("lowest_price"),
      /** `points` only: whole points for price and delivery days, adding up to 100. */
      weights: model.json().nullable(),
      bid_window_business_days: model.number(),
      winner_confirmation_business_days: model.number(),
      abnormally_low_pct: model.number(),
      /** SME (MIPYME) preferences: `tie_break` (SME first among equal totals), `reserved` (only SMEs invited), `bonus_points` (added to an SME's score under `points`). */
      sme_preferences: model.json(),
      created_by_person_id: model.text(),
    },
  )
  .indexes([{ on: ["lot_id", "effective_from"], unique: true, where: "deleted_at IS NULL" }])

export default CompetitionRule
