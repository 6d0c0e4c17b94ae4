import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RenderedActa } from "./render-acta"
import { einv } from "./load"

export type CreateActaStepInput = { reception_id: string; agency_id: string; supplier_id: string; rendered: RenderedActa }

export const createActaStepId = "e-invoicing-create-acta"
/** This step stores the rendered acta, pending the Reception Manager's e.firma (one per reception). Compensation deletes it. */
export const createActaStep = createStep(
  createActaStepId,
  async (input: CreateActaStepInput, { container }) => {
    const { rendered } = input
    const acta = await einv(container).createReceptionActas({
      reception_id: input.reception_id,
      agency_id: input.agency_id,
      supplier_id: input.supplier_id,
      folio: rendered.data.folio,
      template_code: rendered.data.template.code,
      template_version: rendered.data.template.version,
      data: rendered.data as unknown as Record<string, unknown>,
      html: rendered.html,
      pdf_base64: rendered.pdf_base64,
      ...rendered.hashes,
      status: "pending_signature",
    })
    return new StepResponse({ id: acta.id, folio: acta.folio, document_sha256: acta.document_sha256 }, acta.id)
  },
  async (id, { container }) => {
    if (id) {
      await einv(container).deleteReceptionActas(id)
    }
  },
)
