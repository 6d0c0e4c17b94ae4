import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/**
 * A question an invited supplier asked during the bidding window and the
 * Purchasing Unit's answer. Every invitee sees every question and answer,
 * anonymised (`asked_by_supplier_id` is never shown). An answer may extend
 * the deadline for everyone; the extension is recorded here and in the ledger.
 */
const CompetitionClarification = model.define(
  { name: "competition_clarification", tableName: "mc_competition_clarification" },
  {
    id: model.id({ prefix: "mccl" }).primaryKey(),
    question: model.text(),
    asked_by_supplier_id: model.text(),
    asked_at: model.dateTime(),
    answer: model.text().nullable(),
    answered_at: model.dateTime().nullable(),
    answered_by_person_id: model.text().nullable(),
    previous_deadline: model.dateTime().nullable(),
    extended_deadline: model.dateTime().nullable(),
    competition: model.belongsTo(() => Competition, { mappedBy: "clarifications" }),
  },
)

export default CompetitionClarification
