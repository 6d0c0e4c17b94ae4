import { model } from "@medusajs/framework/utils"

/**
 * The complemento de recepción de pagos (CFDI type P, Pagos 2.0) the
 * supplier presented for the SPEI payment of a PPD invoice, accepted by the
 * CFDI engine and linked to its payment request (one per request). Its UUID
 * is unique, and never one of an invoice.
 */
const PaymentComplement = model
  .define(
    { name: "PaymentComplement", tableName: "einv_payment_complement" },
    {
      id: model.id({ prefix: "pcm" }).primaryKey(),
      uuid: model.text(),
      invoice_id: model.text(),
      payment_request_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      amount_paid: model.text(),
      fecha_pago: model.text().nullable(),
      xml: model.text(),
      summary: model.json(),
      accepted_at: model.dateTime(),
      submitted_by_person_id: model.text(),
    },
  )
  .indexes([{ on: ["uuid"], unique: true }, { on: ["payment_request_id"], unique: true }, { on: ["invoice_id"] }])

export default PaymentComplement
