import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/** One framework item asked for in a competition, with its quantity and the ceiling price in force. */
const CompetitionLine = model.define(
  { name: "competition_line", tableName: "mc_competition_line" },
  {
    id: model.id({ prefix: "mcln" }).primaryKey(),
    item_id: model.text(),
    item_name: model.text(),
    unspsc_code: model.text(),
    quantity: model.number(),
    ceiling_price: model.bigNumber(),
    iva_rate: model.text(),
    competition: model.belongsTo(() => Competition, { mappedBy: "lines" }),
  },
)

export default CompetitionLine
