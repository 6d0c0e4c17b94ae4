import { model } from "@medusajs/framework/utils"

/**
 * A supplier's request to offer an item or change an offer, reviewed by the
 * Master Contract Administrator. Nothing reaches buyers before approval.
 */
const OfferRequest = model
  .define(
    { name: "offer_request", tableName: "fc_offer_request" },
    {
      id: model.id({ prefix: "fcreq" }).primaryKey(),
      kind: model.enum(["new_offer", "price_change"]),
      item_id: model.text(),
      contract_id: model.text(),
      supplier_id: model.text(),
      offer_id: model.text().nullable(),
      price: model.bigNumber(),
      min_order_qty: model.number().default(1),
      delivery_days: model.json(),
      stock: model.number().nullable(),
      status: model.enum(["pending", "approved", "rejected"]).default("pending"),
      reason: model.text().nullable(),
      requested_by: model.text(),
      reviewed_by: model.text().nullable(),
      reviewed_at: model.dateTime().nullable(),
    },
  )
  .indexes([{ on: ["status"] }, { on: ["supplier_id"] }])

export default OfferRequest
