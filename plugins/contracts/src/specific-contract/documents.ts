import { digestOf, sha256Hex } from "../utils/hash"
import { renderContractHtml } from "./render-html"
import { renderContractPdf } from "./render-pdf"
import type { ContractData, DocumentHashes, SigningPayload } from "./types"

export type RenderedContract = { html: string; pdf: Buffer; hashes: DocumentHashes }

/**
 * Renders a contract's HTML and PDF and computes its digests:
 * - data_sha256: SHA-256 of the canonical JSON of the data snapshot;
 * - html_sha256 / pdf_sha256: SHA-256 of the exact bytes served;
 * - document_sha256: SHA-256 of the canonical JSON of the three above —
 *   the one digest both parties sign (it commits to data, template and
 *   rendered bytes).
 */
export async function renderContractDocuments(templateBody: string, data: ContractData, createdAt: Date): Promise<RenderedContract> {
  const data_sha256 = digestOf(data)
  const html = renderContractHtml(templateBody, data, data_sha256)
  const title = data.kind === "amendment" ? `Convenio modificatorio ${data.number}` : `Contrato específico ${data.number}`
  const pdf = await renderContractPdf(html, { title, number: data.number, data_sha256, created_at: createdAt })
  const html_sha256 = sha256Hex(Buffer.from(html, "utf8"))
  const pdf_sha256 = sha256Hex(pdf)
  return {
    html,
    pdf,
    hashes: { data_sha256, html_sha256, pdf_sha256, document_sha256: documentDigest({ data_sha256, html_sha256, pdf_sha256 }) },
  }
}

export function documentDigest(h: { data_sha256: string; html_sha256: string; pdf_sha256: string }): string {
  return digestOf({ data_sha256: h.data_sha256, html_sha256: h.html_sha256, pdf_sha256: h.pdf_sha256 })
}

/**
 * The exact object each signer signs (canonical JSON, UTF-8, RSASSA-PKCS1-v1_5
 * SHA-256 with the e.firma key): `{ contract_id, number, document_sha256 }`.
 */
export function signingPayload(c: { id: string; number: string; document_sha256: string }): SigningPayload {
  return { contract_id: c.id, number: c.number, document_sha256: c.document_sha256 }
}
