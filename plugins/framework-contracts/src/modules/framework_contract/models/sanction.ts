import { model } from "@medusajs/framework/utils"

/**
 * A sanction from the directory of sanctioned suppliers (SFP / Buen
 * Gobierno), by RFC. In force from starts_on until ends_on (open-ended when null).
 */
const Sanction = model
  .define(
    { name: "sanction", tableName: "fc_sanction" },
    {
      id: model.id({ prefix: "fcsanc" }).primaryKey(),
      supplier_rfc: model.text(),
      supplier_name: model.text(),
      type: model.text(),
      authority: model.text(),
      starts_on: model.dateTime(),
      ends_on: model.dateTime().nullable(),
      reason: model.text().nullable(),
      source: model.text().nullable(),
    },
  )
  .indexes([{ on: ["supplier_rfc"] }, { on: ["supplier_rfc", "type", "starts_on"], unique: true, where: "deleted_at IS NULL" }])

export default Sanction
