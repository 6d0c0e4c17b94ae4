import { model } from "@medusajs/framework/utils"

/**
 * The agency's reception of one shipment (the Reception Manager's record):
 * per line how many units were accepted and rejected, with notes and serial
 * numbers; the outcome (full, partial, rejected); and the days of delay and
 * the pena convencional computed from the contract's rate.
 */
export const Reception = model
  .define(
    { name: "Reception", tableName: "einv_reception" },
    {
      id: model.id({ prefix: "rcp" }).primaryKey(),
      shipment_id: model.text(),
      order_id: model.text(),
      specific_contract_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      /** The unit that received (the Reception Manager's unit), null if the role is agency-wide. */
      unit_id: model.text().nullable(),
      outcome: model.enum(["full", "partial", "rejected"]),
      notes: model.text().nullable(),
      received_at: model.dateTime(),
      received_by_person_id: model.text(),
      days_late: model.number().default(0),
      /** Pena convencional (MXN, before IVA, decimal string) and how it was computed. */
      penalty_amount: model.text().default("0.00"),
      penalty: model.json().nullable(),
      /** How much of the penalty payments already withheld (≤ penalty_amount: CHECK). */
      penalty_deducted: model.text().default("0.00"),
      lines: model.hasMany(() => ReceptionLine, { mappedBy: "reception" }),
    },
  )
  .indexes([{ on: ["shipment_id"], unique: true }, { on: ["order_id"] }, { on: ["agency_id"] }])

export const ReceptionLine = model.define(
  { name: "ReceptionLine", tableName: "einv_reception_line" },
  {
    id: model.id({ prefix: "rcpl" }).primaryKey(),
    contract_line: model.number(),
    shipped_quantity: model.number(),
    accepted_quantity: model.number(),
    rejected_quantity: model.number(),
    notes: model.text().nullable(),
    serials: model.array().nullable(),
    reception: model.belongsTo(() => Reception, { mappedBy: "lines" }),
  },
)
