import { model } from "@medusajs/framework/utils"

/**
 * The last number handed out per scope (e.g. "CE-SSA-2026" or a parent
 * contract's "…-CM"). Incremented with one atomic upsert, so concurrent
 * contracts never get the same number.
 */
const ContractNumberSequence = model
  .define("contract_number_sequence", {
    id: model.id({ prefix: "spcseq" }).primaryKey(),
    scope: model.text(),
    last_value: model.number(),
  })
  .indexes([{ on: ["scope"], unique: true }])

export default ContractNumberSequence
