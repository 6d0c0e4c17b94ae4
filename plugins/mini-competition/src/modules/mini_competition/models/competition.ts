import { model } from "@medusajs/framework/utils"
import CompetitionBid from "./competition-bid"
import CompetitionClarification from "./competition-clarification"
import CompetitionIntegrityDeclaration from "./competition-integrity-declaration"
import CompetitionInvitation from "./competition-invitation"
import CompetitionLine from "./competition-line"
import CompetitionObservation from "./competition-observation"

/**
 * A second-stage mini-competition among the suppliers of one framework lot,
 * opened by a Purchasing Unit from a requisition in `requires_competition`.
 * `rules` is the snapshot of the lot's rules taken at creation: a later
 * change of the lot never alters an opened competition. Status:
 * draft → bidding → opened → offered (to the winner, who confirms within its
 * window, else to the next ranked) → awarded; or deserted.
 */
const Competition = model
  .define(
    { name: "competition", tableName: "mc_competition" },
    {
      id: model.id({ prefix: "mcomp" }).primaryKey(),
      number: model.text(),
      organization_id: model.text(),
      unit_id: model.text(),
      requisition_id: model.text().nullable(),
      contract_id: model.text(),
      lot_id: model.text(),
      lot_title: model.text(),
      delivery_state: model.text(),
      status: model.enum(["draft", "bidding", "opened", "offered", "awarded", "deserted"]).default("draft"),
      rules: model.json(),
      created_by_person_id: model.text(),
      published_at: model.dateTime().nullable(),
      bid_deadline: model.dateTime().nullable(),
      opened_at: model.dateTime().nullable(),
      /** The evaluation computed at opening: every bid with validity, total and rank, and the proposed winner. */
      evaluation: model.json().nullable(),
      /** Until when the supplier offered the award may confirm it. */
      confirmation_deadline: model.dateTime().nullable(),
      awarded_at: model.dateTime().nullable(),
      /** The award as data (winning supplier, lines at the winning prices, total, rationale). */
      award: model.json().nullable(),
      deserted_reason: model.text().nullable(),
      /** The bidding round (1, then 2… when too few valid bids re-invite under the rules). */
      round: model.number().default(1),
      /** Closed rounds that re-invited: `{ round, bid_deadline, closed_at, bid_count, valid_count, new_deadline, reason }`. */
      rounds: model.json().nullable(),
      lines: model.hasMany(() => CompetitionLine, { mappedBy: "competition" }),
      invitations: model.hasMany(() => CompetitionInvitation, { mappedBy: "competition" }),
      bids: model.hasMany(() => CompetitionBid, { mappedBy: "competition" }),
      observations: model.hasMany(() => CompetitionObservation, { mappedBy: "competition" }),
      clarifications: model.hasMany(() => CompetitionClarification, { mappedBy: "competition" }),
      integrity_declarations: model.hasMany(() => CompetitionIntegrityDeclaration, { mappedBy: "competition" }),
    },
  )
  .indexes([
    { on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { on: ["organization_id", "status"] },
    { on: ["status", "bid_deadline"] },
    { on: ["status", "confirmation_deadline"] },
    // one live competition per requisition and lot
    { on: ["requisition_id", "lot_id"], unique: true, where: "deleted_at IS NULL AND requisition_id IS NOT NULL AND status <> 'deserted'" },
  ])

export default Competition
