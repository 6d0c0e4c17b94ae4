import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/**
 * A supplier enrolled in the lot's framework contract, as found when the
 * competition was published: `invited` when eligible, `not_eligible` (with
 * the reasons) otherwise — nobody is hand-picked or silently left out.
 */
const CompetitionInvitation = model
  .define(
    { name: "competition_invitation", tableName: "mc_competition_invitation" },
    {
      id: model.id({ prefix: "mcinv" }).primaryKey(),
      supplier_id: model.text(),
      status: model.enum(["invited", "not_eligible"]),
      reasons: model.json().nullable(),
      competition: model.belongsTo(() => Competition, { mappedBy: "invitations" }),
    },
  )
  .indexes([{ on: ["competition_id", "supplier_id"], unique: true, where: "deleted_at IS NULL" }])

export default CompetitionInvitation
