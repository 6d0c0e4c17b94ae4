import { model } from "@medusajs/framework/utils"

/**
 * One node of the UNSPSC tree (segment → family → class → commodity), 8
 * digits with trailing zeros for the upper levels, titled in Spanish and
 * English, tagged with the code-set version it was imported from.
 */
const UnspscCode = model
  .define("unspsc_code", {
    id: model.id({ prefix: "unspsc" }).primaryKey(),
    code: model.text(),
    level: model.enum(["segment", "family", "class", "commodity"]),
    parent_code: model.text().nullable(),
    title_es: model.text().searchable(),
    title_en: model.text().nullable(),
    version: model.text(),
    is_active: model.boolean().default(true),
  })
  .indexes([{ on: ["code"], unique: true, where: "deleted_at IS NULL" }, { on: ["parent_code"] }])

export default UnspscCode
