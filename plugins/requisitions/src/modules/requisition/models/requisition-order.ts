import { model } from "@medusajs/framework/utils"

/**
 * The cart (and then the Medusa order) the server opened for one supplier of
 * an approved requisition. The cart gate trusts only these rows, never
 * client-supplied cart metadata.
 */
const RequisitionOrder = model
  .define({ name: "requisition_order", tableName: "rq_requisition_order" }, {
    id: model.id({ prefix: "rqord" }).primaryKey(),
    requisition_id: model.text(),
    supplier_id: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
  })
  .indexes([{ on: ["cart_id"], unique: true, where: "deleted_at IS NULL" }])

export default RequisitionOrder
