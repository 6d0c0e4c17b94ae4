import { model } from "@medusajs/framework/utils"

/**
 * The nota de crédito (CFDI de egreso, type E) the supplier presented for
 * the pena convencional withheld from an invoice's payment (RLAASSP art.
 * 95): it relates the invoice (TipoRelacion 01) and credits exactly the
 * penalty. Accepted by the CFDI engine and linked to its payment request
 * (one per request); its UUID is unique, and never one of an invoice or a
 * payment complement.
 */
const CreditNote = model
  .define(
    { name: "CreditNote", tableName: "einv_credit_note" },
    {
      id: model.id({ prefix: "cnt" }).primaryKey(),
      uuid: model.text(),
      invoice_id: model.text(),
      payment_request_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      /** The penalty credited (= the payment request's penalty_deduction), MXN. */
      amount: model.text(),
      xml: model.text(),
      summary: model.json(),
      accepted_at: model.dateTime(),
      submitted_by_person_id: model.text(),
    },
  )
  .indexes([{ on: ["uuid"], unique: true }, { on: ["payment_request_id"], unique: true }, { on: ["invoice_id"] }])

export default CreditNote
