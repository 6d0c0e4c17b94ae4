import { model } from "@medusajs/framework/utils"

/**
 * A versioned Handlebars template of a contract document (es-MX HTML).
 * Templates are data the Master Contract Administrator versions: a version
 * is never edited (the database refuses it) — a new version supersedes it
 * from its `effective_from`. `used_at` is set when a contract first uses it.
 */
const ContractTemplate = model
  .define("contract_template", {
    id: model.id({ prefix: "ctpl" }).primaryKey(),
    code: model.text(),
    kind: model.enum(["contract", "amendment"]),
    version: model.number(),
    title: model.text(),
    body: model.text(),
    effective_from: model.dateTime(),
    created_by: model.text(),
    used_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["code", "version"], unique: true }])

export default ContractTemplate
