import { compileContractTemplate, documentDigest, renderContractPdf } from "@tienda/contracts/specific-contract/index"
import { digestOf, sha256Hex } from "@tienda/contracts/utils"
import { currentActaTemplate } from "./template"

export type ActaLine = {
  contract_line: number
  description: string
  item_code: string
  shipped_quantity: number
  accepted_quantity: number
  rejected_quantity: number
  notes: string | null
  serials: string | null
}

/** The canonical data of an acta: everything it says, frozen when the reception is recorded. */
export type ActaData = {
  folio: string
  reception_id: string
  contract_number: string
  delivery_note: string
  /** Mexico City date of the reception, YYYY-MM-DD. */
  received_on: string
  place: string
  agency: { legal_name: string; rfc: string; unit: string | null }
  supplier: { legal_name: string; rfc: string }
  received_by: { person_id: string; full_name: string; rfc: string }
  outcome: "full" | "partial" | "rejected"
  outcome_text: string
  notes: string | null
  lines: ActaLine[]
  penalty: { days_late: number; amount: string; rate_per_day_percent: string; cap_percent: string }
  template: { code: string; version: number }
}

export type ActaHashes = { data_sha256: string; html_sha256: string; pdf_sha256: string; document_sha256: string }

const OUTCOME_TEXT = {
  full: "Se reciben a entera satisfacción todos los bienes enviados.",
  partial: "Se reciben a entera satisfacción parte de los bienes enviados; el resto se rechaza.",
  rejected: "Se rechazan todos los bienes enviados; no se recibe ninguno.",
} as const

export function outcomeText(outcome: ActaData["outcome"]): string {
  return OUTCOME_TEXT[outcome]
}

/**
 * Renders an acta's HTML (its template version) and PDF (the contracts'
 * layout) and its digests: data, HTML and PDF bytes, and the document
 * digest over the three — what the Reception Manager signs. Deterministic
 * for the same data and `createdAt`.
 */
export async function renderActa(
  body: string,
  data: ActaData,
  createdAt: Date,
): Promise<{ data: ActaData; html: string; pdf: Buffer; hashes: ActaHashes }> {
  const data_sha256 = digestOf(data)
  const html = compileContractTemplate(body)({ ...data, data_sha256 })
  const pdf = await renderContractPdf(html, {
    title: `Acta de entrega-recepción ${data.folio}`,
    number: data.folio,
    data_sha256,
    created_at: createdAt,
  })
  const html_sha256 = sha256Hex(Buffer.from(html, "utf8"))
  const pdf_sha256 = sha256Hex(pdf)
  return {
    data,
    html,
    pdf,
    hashes: { data_sha256, html_sha256, pdf_sha256, document_sha256: documentDigest({ data_sha256, html_sha256, pdf_sha256 }) },
  }
}

export const renderCurrentActa = (data: Omit<ActaData, "template">, createdAt: Date) => {
  const t = currentActaTemplate()
  return renderActa(t.body, { ...data, template: { code: t.code, version: t.version } }, createdAt)
}

/** What the Reception Manager signs with e.firma (canonical JSON). */
export function actaSigningPayload(a: { id: string; folio: string; reception_id: string; document_sha256: string }) {
  return {
    documento: "acta_entrega_recepcion",
    acta_id: a.id,
    folio: a.folio,
    reception_id: a.reception_id,
    document_sha256: a.document_sha256,
  }
}
