import { model } from "@medusajs/framework/utils"
import FrameworkContract from "./framework-contract"

/** An agency unit allowed to buy under a framework contract. */
const UnitEnrolment = model
  .define(
    { name: "unit_enrolment", tableName: "fc_unit_enrolment" },
    {
      id: model.id({ prefix: "fcunit" }).primaryKey(),
      organization_id: model.text(),
      unit_id: model.text(),
      contract: model.belongsTo(() => FrameworkContract, { mappedBy: "unit_enrolments" }),
    },
  )
  .indexes([{ on: ["contract_id", "unit_id"], unique: true, where: "deleted_at IS NULL" }])

export default UnitEnrolment
