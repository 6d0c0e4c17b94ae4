import { model } from "@medusajs/framework/utils"
import Offer from "./offer"

/** Price history of an offer: every approved price with its period. */
const OfferPrice = model.define(
  { name: "offer_price", tableName: "fc_offer_price" },
  {
    id: model.id({ prefix: "fcprice" }).primaryKey(),
    price: model.bigNumber(),
    valid_from: model.dateTime(),
    valid_until: model.dateTime().nullable(),
    request_id: model.text().nullable(),
    offer: model.belongsTo(() => Offer, { mappedBy: "prices" }),
  },
)

export default OfferPrice
