import { model } from "@medusajs/framework/utils"

/**
 * Snapshot of a framework contract's data sheet (ficha) after each change:
 * the ficha of any date is the last version recorded before it.
 */
const ContractVersion = model
  .define(
    { name: "contract_version", tableName: "fc_contract_version" },
    {
      id: model.id({ prefix: "fcver" }).primaryKey(),
      contract_id: model.text(),
      version: model.number(),
      change: model.text(),
      snapshot: model.json(),
      recorded_by: model.text().nullable(),
    },
  )
  .indexes([{ on: ["contract_id", "version"], unique: true, where: "deleted_at IS NULL" }])

export default ContractVersion
