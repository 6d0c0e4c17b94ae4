import { model } from "@medusajs/framework/utils"

/**
 * A delivery the supplier announces against its order: which contract lines,
 * how many units, and the delivery note (remisión). The reception of the
 * agency then judges it (one reception per shipment).
 */
export const Shipment = model
  .define(
    { name: "Shipment", tableName: "einv_shipment" },
    {
      id: model.id({ prefix: "shp" }).primaryKey(),
      order_id: model.text(),
      specific_contract_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      delivery_note: model.text(),
      status: model.enum(["pending_reception", "received"]).default("pending_reception"),
      shipped_at: model.dateTime(),
      created_by_person_id: model.text(),
      lines: model.hasMany(() => ShipmentLine, { mappedBy: "shipment" }),
    },
  )
  .indexes([{ on: ["order_id"] }, { on: ["agency_id", "status"] }, { on: ["supplier_id"] }])

export const ShipmentLine = model.define(
  { name: "ShipmentLine", tableName: "einv_shipment_line" },
  {
    id: model.id({ prefix: "shpl" }).primaryKey(),
    contract_line: model.number(),
    description: model.text(),
    quantity: model.number(),
    shipment: model.belongsTo(() => Shipment, { mappedBy: "lines" }),
  },
)
