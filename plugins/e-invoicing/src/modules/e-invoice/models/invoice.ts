import { model } from "@medusajs/framework/utils"

/**
 * A CFDI the supplier presented for its order and the engine accepted. The
 * UUID is unique across every agency (an invoice is paid once). `lines`
 * are the contract lines and quantities it invoices; `match` the
 * three-way match's result; `status` follows it to payment.
 */
const Invoice = model
  .define(
    { name: "Invoice", tableName: "einv_invoice" },
    {
      id: model.id({ prefix: "inv" }).primaryKey(),
      uuid: model.text(),
      order_id: model.text(),
      specific_contract_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      status: model.enum(["accepted", "exception", "payment_requested", "authorized", "exercised", "paid"]).default("accepted"),
      serie: model.text().nullable(),
      folio: model.text().nullable(),
      issued_at: model.text().nullable(),
      metodo_pago: model.text(),
      subtotal: model.text(),
      iva: model.text(),
      total: model.text(),
      currency_code: model.text().default("MXN"),
      xml: model.text(),
      summary: model.json(),
      lines: model.json(),
      accepted_at: model.dateTime(),
      /** 20 natural days after acceptance (LAASSP art. 51), YYYY-MM-DD. */
      due_date: model.text(),
      match: model.json().nullable(),
      exception_reason: model.text().nullable(),
      submitted_by_person_id: model.text(),
    },
  )
  .indexes([{ on: ["uuid"], unique: true }, { on: ["supplier_id", "status"] }, { on: ["agency_id", "status"] }, { on: ["order_id"] }])

export default Invoice
