import { model } from "@medusajs/framework/utils"
import Requisition from "./requisition"

/** One offer bought in a requisition, priced at the offer's price in force when created. */
const RequisitionLine = model.define(
  { name: "requisition_line", tableName: "rq_requisition_line" },
  {
    id: model.id({ prefix: "reqln" }).primaryKey(),
    offer_id: model.text(),
    variant_id: model.text(),
    supplier_id: model.text(),
    contract_id: model.text(),
    lot_id: model.text(),
    item_id: model.text(),
    item_name: model.text(),
    unspsc_code: model.text(),
    quantity: model.number(),
    unit_price: model.bigNumber(),
    iva_rate: model.text(),
    subtotal: model.bigNumber(),
    iva: model.bigNumber(),
    total: model.bigNumber(),
    delivery_place: model.text(),
    delivery_date: model.dateTime(),
    requisition: model.belongsTo(() => Requisition, { mappedBy: "lines" }),
  },
)

export default RequisitionLine
