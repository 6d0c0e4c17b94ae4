import { model } from "@medusajs/framework/utils"

/**
 * The payment of one matched invoice, for the Payment Request Typist: the
 * accrual (devengado) recorded at match, then the CLC (ejercido) once
 * authorised, then SPEI (pagado). Each budget movement is keyed by this
 * request, so retries never move money twice.
 */
const PaymentRequest = model
  .define(
    { name: "PaymentRequest", tableName: "einv_payment_request" },
    {
      id: model.id({ prefix: "pyr" }).primaryKey(),
      invoice_id: model.text(),
      order_id: model.text(),
      specific_contract_id: model.text(),
      supplier_id: model.text(),
      agency_id: model.text(),
      budget_key_id: model.text(),
      /** The invoice's total: what the budget accrues, exercises and pays (gross). */
      amount: model.text(),
      /** Pena convencional withheld from this payment (LAASSP art. 53), MXN. */
      penalty_deduction: model.text().default("0.00"),
      /** Paid to the supplier: amount − penalty_deduction; the CLC's net. */
      net_amount: model.text(),
      /** The receptions whose penalties this payment withholds: [{ reception_id, amount }]. */
      deductions: model.json().nullable(),
      status: model.enum(["pending_authorization", "authorized", "exercised", "paid"]).default("pending_authorization"),
      due_date: model.text(),
      accrue_movement_id: model.text(),
      exercise_movement_id: model.text().nullable(),
      pay_movement_id: model.text().nullable(),
      clc_folio: model.text().nullable(),
      clave_rastreo: model.text().nullable(),
      beneficiary_rfc: model.text().nullable(),
      beneficiary_clabe: model.text().nullable(),
      authorized_by_person_id: model.text().nullable(),
      authorized_at: model.dateTime().nullable(),
      paid_at: model.dateTime().nullable(),
      paid_late: model.boolean().nullable(),
      /** PPD invoices: the complemento de pago is due by this date (fifth day of the month after payment). */
      complement_due_date: model.text().nullable(),
      /** PPD invoices once paid: pending until the supplier's complemento de pago is accepted. */
      complement_status: model.enum(["pending", "received"]).nullable(),
      /**
       * With a pena convencional withheld: pending until the supplier's nota
       * de crédito (CFDI de egreso for the penalty) is accepted; the request
       * is not authorised before. Null when nothing was withheld.
       */
      credit_note_status: model.enum(["pending", "received"]).nullable(),
      /**
       * How it is paid once authorised: `spei` (CLC; confirmed with the clave
       * de rastreo) or `stripe` (Medusa's Stripe provider, own-resources
       * agencies; paid only by Stripe's verified webhook).
       */
      payment_channel: model.enum(["spei", "stripe"]).nullable(),
      /** The Stripe PaymentIntent paying it (channel `stripe`). */
      stripe_payment_intent_id: model.text().nullable(),
    },
  )
  .indexes([{ on: ["invoice_id"], unique: true }, { on: ["agency_id", "status"] }])

export default PaymentRequest
