import { model } from "@medusajs/framework/utils"

/**
 * Crosswalk UNSPSC commodity → COG partida específica, kept by the SHCP
 * planning official. Rows are never overwritten: a change closes the row in
 * force (valid_until) and opens a new one, so the mapping of any date is known.
 */
const CogCrosswalk = model
  .define("cog_crosswalk", {
    id: model.id({ prefix: "cogx" }).primaryKey(),
    unspsc_code: model.text(),
    partida: model.text(),
    partida_title: model.text(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime().nullable(),
    changed_by: model.text().nullable(),
  })
  .indexes([{ on: ["unspsc_code"] }, { on: ["unspsc_code"], unique: true, where: "valid_until IS NULL AND deleted_at IS NULL" }])

export default CogCrosswalk
