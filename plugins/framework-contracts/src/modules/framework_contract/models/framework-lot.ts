import { model } from "@medusajs/framework/utils"
import FrameworkContract from "./framework-contract"
import FrameworkItem from "./framework-item"

/**
 * A lot of a framework contract, with its second-stage competition rules
 * (stored now, applied by the mini-competition capability).
 */
const FrameworkLot = model
  .define("framework_lot", {
    id: model.id({ prefix: "fwlot" }).primaryKey(),
    number: model.number(),
    title: model.text(),
    competition_threshold: model.bigNumber(),
    min_invitees: model.number().default(3),
    bid_window_business_days: model.number().default(5),
    contract: model.belongsTo(() => FrameworkContract, { mappedBy: "lots" }),
    items: model.hasMany(() => FrameworkItem, { mappedBy: "lot" }),
  })
  .indexes([{ on: ["contract_id", "number"], unique: true, where: "deleted_at IS NULL" }])

export default FrameworkLot
