import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type TransitionStatusStepInput = {
  table: "einv_invoice" | "einv_payment_request" | "einv_reception_acta"
  id: string
  from: string[]
  to: string
  /** Extra fields written with the move (e.g. the CLC folio). */
  data?: Record<string, unknown>
}

const NOUN = {
  einv_invoice: "La factura",
  einv_payment_request: "La solicitud de pago",
  einv_reception_acta: "El acta de entrega-recepción",
}

export const transitionStatusStepId = "e-invoicing-transition-status"
/**
 * This step moves an invoice or payment request between states with one
 * guarded UPDATE (`… WHERE status IN from`): of concurrent runs exactly one
 * passes, the others are refused (ESTADO_CAMBIO, 409) before writing.
 * Compensation moves it back.
 */
export const transitionStatusStep = createStep(
  transitionStatusStepId,
  async (input: TransitionStatusStepInput, { container }) => {
    const service = einv(container)
    const moved = await service.transitionStatus(input.table, input.id, input.from, input.to)
    if (!moved) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${NOUN[input.table]} ${input.id} ya no está en el estado esperado; otra operación se adelantó.`,
        "ESTADO_CAMBIO",
      )
    }
    if (input.data) {
      if (input.table === "einv_invoice") {
        await service.updateInvoices({ id: input.id, ...input.data })
      } else if (input.table === "einv_reception_acta") {
        await service.updateReceptionActas({ id: input.id, ...input.data })
      } else {
        await service.updatePaymentRequests({ id: input.id, ...input.data })
      }
    }
    return new StepResponse(moved, { ...input, previous: moved.previous })
  },
  async (undo, { container }) => {
    if (undo) {
      await einv(container).transitionStatus(undo.table, undo.id, [undo.to], undo.previous)
    }
  },
)
