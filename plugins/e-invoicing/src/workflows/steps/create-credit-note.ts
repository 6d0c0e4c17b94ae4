import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type CreateCreditNoteStepInput = {
  uuid: string
  invoice_id: string
  payment_request_id: string
  supplier_id: string
  agency_id: string
  amount: string
  xml: string
  summary: Record<string, unknown>
  accepted_at: Date
  submitted_by_person_id: string
}

const alreadyReceived = () =>
  new MedusaError(MedusaError.Types.CONFLICT, "La nota de crédito de esta pena ya se recibió.", "NOTA_CREDITO_YA_RECIBIDA")

export const createCreditNoteStepId = "e-invoicing-create-credit-note"
/**
 * This step stores the accepted nota de crédito. The unique indexes (UUID;
 * one per payment request) settle concurrent twins: the loser gets
 * NOTA_CREDITO_YA_RECIBIDA (409). Compensation deletes it.
 */
export const createCreditNoteStep = createStep(
  createCreditNoteStepId,
  async (input: CreateCreditNoteStepInput, { container }) => {
    try {
      const created = await einv(container).createCreditNotes(input)
      return new StepResponse(created, created.id)
    } catch (e) {
      if (/unique|duplicate/i.test(String((e as Error).message))) {
        throw alreadyReceived()
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).deleteCreditNotes(id)
    }
  },
)

export const markCreditNoteReceivedStepId = "e-invoicing-mark-credit-note-received"
/** This step marks the payment request's credit note received (guarded: once). Compensation sets it pending again. */
export const markCreditNoteReceivedStep = createStep(
  markCreditNoteReceivedStepId,
  async (input: { payment_request_id: string }, { container }) => {
    if (!(await einv(container).moveCreditNoteStatus(input.payment_request_id, "pending", "received"))) {
      throw alreadyReceived()
    }
    return new StepResponse(input.payment_request_id, input.payment_request_id)
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).moveCreditNoteStatus(id, "received", "pending")
    }
  },
)
