import { model } from "@medusajs/framework/utils"
import FrameworkItem from "./framework-item"
import OfferPrice from "./offer-price"

/**
 * A supplier's offer of one framework item. The price in force is the open
 * row of its price history; `variant_id` is the Medusa variant that sells it.
 */
const Offer = model
  .define(
    { name: "offer", tableName: "fc_offer" },
    {
      id: model.id({ prefix: "fcoff" }).primaryKey(),
      supplier_id: model.text(),
      price: model.bigNumber(),
      currency_code: model.text().default("mxn"),
      min_order_qty: model.number().default(1),
      delivery_days: model.json(),
      stock: model.number().nullable(),
      status: model.enum(["active", "withdrawn"]).default("active"),
      variant_id: model.text().nullable(),
      item: model.belongsTo(() => FrameworkItem, { mappedBy: "offers" }),
      prices: model.hasMany(() => OfferPrice, { mappedBy: "offer" }),
    },
  )
  .indexes([{ on: ["item_id", "supplier_id"], unique: true, where: "deleted_at IS NULL" }])

export default Offer
