import { model } from "@medusajs/framework/utils"

/**
 * Running totals of one line of a contract's order: ordered, shipped,
 * accepted, rejected and invoiced quantities. The database guards them
 * (CHECK constraints, see the migration): what is shipped and not rejected
 * never exceeds what was ordered, what is accepted or rejected never exceeds
 * what was shipped, what is invoiced never exceeds what was accepted. Every
 * change is one UPDATE that adds to them, so concurrent shipments,
 * receptions or invoices cannot together exceed the order.
 */
const DeliveryTally = model
  .define(
    { name: "DeliveryTally", tableName: "einv_delivery_tally" },
    {
      id: model.id({ prefix: "dtly" }).primaryKey(),
      order_id: model.text(),
      specific_contract_id: model.text(),
      /** The contract line number (order items carry it as metadata.contract_line). */
      contract_line: model.number(),
      ordered_quantity: model.number(),
      shipped_quantity: model.number().default(0),
      accepted_quantity: model.number().default(0),
      rejected_quantity: model.number().default(0),
      invoiced_quantity: model.number().default(0),
    },
  )
  .indexes([{ on: ["order_id", "contract_line"], unique: true }])

export default DeliveryTally
