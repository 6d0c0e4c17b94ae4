import { model } from "@medusajs/framework/utils"
import FrameworkLot from "./framework-lot"
import Offer from "./offer"

/**
 * An item of a framework contract: what may be bought, how it is classified
 * (UNSPSC commodity, COG partida, SAT ClaveUnidad), its ceiling price and IVA
 * treatment, and the states it can be delivered to. Each offer of the item is
 * sold by its own Medusa product (ADR 0006).
 */
const FrameworkItem = model
  .define("framework_item", {
    id: model.id({ prefix: "fwitem" }).primaryKey(),
    code: model.text(),
    name: model.text().searchable(),
    description: model.text(),
    unspsc_code: model.text(),
    cog_partida: model.text(),
    sat_clave_unidad: model.text(),
    ceiling_price: model.bigNumber(),
    currency_code: model.text().default("mxn"),
    iva_treatment: model.enum(["tasa_16", "tasa_0", "exento"]).default("tasa_16"),
    delivery_states: model.json(),
    lot: model.belongsTo(() => FrameworkLot, { mappedBy: "items" }),
    offers: model.hasMany(() => Offer, { mappedBy: "item" }),
  })
  .indexes([{ on: ["lot_id", "code"], unique: true, where: "deleted_at IS NULL" }, { on: ["unspsc_code"] }])

export default FrameworkItem
