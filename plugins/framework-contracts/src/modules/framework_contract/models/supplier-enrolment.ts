import { model } from "@medusajs/framework/utils"
import FrameworkContract from "./framework-contract"

/** A supplier enrolled in a framework contract for a period. */
const SupplierEnrolment = model
  .define(
    { name: "supplier_enrolment", tableName: "fc_supplier_enrolment" },
    {
      id: model.id({ prefix: "fcsup" }).primaryKey(),
      supplier_id: model.text(),
      valid_from: model.dateTime(),
      valid_until: model.dateTime().nullable(),
      status: model.enum(["active", "suspended"]).default("active"),
      contract: model.belongsTo(() => FrameworkContract, { mappedBy: "supplier_enrolments" }),
    },
  )
  .indexes([{ on: ["contract_id", "supplier_id"], unique: true, where: "deleted_at IS NULL" }])

export default SupplierEnrolment
