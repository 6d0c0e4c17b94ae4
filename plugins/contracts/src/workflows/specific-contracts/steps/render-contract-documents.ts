import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { renderContractDocuments, type ContractData, type DocumentHashes } from "../../../specific-contract"

export type RenderContractDocumentsStepInput = {
  data: Omit<ContractData, "number">
  number: string
  /** Amendment sequence (sets data.amendment.sequence). */
  sequence?: number
  template_body: string
  issued_at: string
}

export type RenderedContractDocuments = {
  data: ContractData
  html: string
  pdf_base64: string
  hashes: DocumentHashes
}

export const renderContractDocumentsStepId = "contracts-render-contract-documents"
/**
 * This step renders the HTML (Handlebars template) and the PDF of the
 * numbered data and computes the digests. Pure computation: nothing to
 * compensate.
 */
export const renderContractDocumentsStep = createStep(renderContractDocumentsStepId, async (input: RenderContractDocumentsStepInput) => {
  const data = { ...input.data, number: input.number } as ContractData
  if (data.amendment && input.sequence !== undefined) {
    data.amendment = { ...data.amendment, sequence: input.sequence }
  }
  const rendered = await renderContractDocuments(input.template_body, data, new Date(input.issued_at))
  const out: RenderedContractDocuments = {
    data,
    html: rendered.html,
    pdf_base64: rendered.pdf.toString("base64"),
    hashes: rendered.hashes,
  }
  return new StepResponse(out)
})
