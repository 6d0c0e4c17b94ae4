import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/**
 * An observation filed by an observer (testigo social) on a competition:
 * timestamped by the procedure's clock, append-only, part of the record.
 */
const CompetitionObservation = model.define(
  { name: "competition_observation", tableName: "mc_competition_observation" },
  {
    id: model.id({ prefix: "mcobs" }).primaryKey(),
    observer_person_id: model.text(),
    observer_organization_id: model.text(),
    text: model.text(),
    observed_at: model.dateTime(),
    competition: model.belongsTo(() => Competition, { mappedBy: "observations" }),
  },
)

export default CompetitionObservation
