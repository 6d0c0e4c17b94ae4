import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { actaSigningPayload } from "../../acta"
import { einv } from "./load"

export const evaluateActaSigningStepId = "e-invoicing-evaluate-acta-signing"
/** This step checks an acta can be signed (read-only): the caller's agency's reception, not signed yet; returns the payload to verify. */
export const evaluateActaSigningStep = createStep(
  evaluateActaSigningStepId,
  async (input: { reception_id: string; agency_id: string }, { container }) => {
    const [acta] = await einv(container).listReceptionActas({ reception_id: input.reception_id, agency_id: input.agency_id }, { take: 1 })
    if (!acta) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "La recepción no existe o no es de tu dependencia.", "RECEPCION_NO_EXISTE")
    }
    if (acta.status !== "pending_signature") {
      throw new MedusaError(MedusaError.Types.CONFLICT, `El acta ${acta.folio} ya está firmada; se firma una sola vez.`, "ESTADO_CAMBIO")
    }
    return new StepResponse({
      acta: { id: acta.id, folio: acta.folio, document_sha256: acta.document_sha256 },
      payload: actaSigningPayload(acta),
    })
  },
)
