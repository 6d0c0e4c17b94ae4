import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type CreatePaymentComplementStepInput = {
  uuid: string
  invoice_id: string
  payment_request_id: string
  supplier_id: string
  agency_id: string
  amount_paid: string
  fecha_pago: string | null
  xml: string
  summary: Record<string, unknown>
  accepted_at: Date
  submitted_by_person_id: string
}

export const createPaymentComplementStepId = "e-invoicing-create-payment-complement"
/**
 * This step stores the accepted complemento de pago. The unique indexes
 * (UUID; one per payment request) settle concurrent twins: the loser gets
 * COMPLEMENTO_YA_RECIBIDO (409). Compensation deletes it.
 */
export const createPaymentComplementStep = createStep(
  createPaymentComplementStepId,
  async (input: CreatePaymentComplementStepInput, { container }) => {
    try {
      const created = await einv(container).createPaymentComplements(input)
      return new StepResponse(created, created.id)
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error).message))) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "Este complemento de pago ya se recibió.", "COMPLEMENTO_YA_RECIBIDO")
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).deletePaymentComplements(id)
    }
  },
)

export const markComplementReceivedStepId = "e-invoicing-mark-complement-received"
/** This step marks the payment request's complement received (guarded: once). Compensation sets it pending again. */
export const markComplementReceivedStep = createStep(
  markComplementReceivedStepId,
  async (input: { payment_request_id: string }, { container }) => {
    if (!(await einv(container).moveComplementStatus(input.payment_request_id, "pending", "received"))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "El complemento de pago de esta factura ya se recibió.", "COMPLEMENTO_YA_RECIBIDO")
    }
    return new StepResponse(input.payment_request_id, input.payment_request_id)
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).moveComplementStatus(id, "received", "pending")
    }
  },
)
