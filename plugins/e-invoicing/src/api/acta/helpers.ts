import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { actaSigningPayload } from "../../acta"
import { einvService } from "../delivery/helpers"

type Side = "agency" | "supplier"

/** The acta of a reception of the caller's agency (or, for a supplier, of its own shipment); 404 for any other. */
export async function ownActa(req: AuthorizedRequest, receptionId: string, side: Side) {
  const scope = side === "agency" ? { agency_id: req.access.organization_id } : { supplier_id: req.access.organization_id }
  const [acta] = await einvService(req).listReceptionActas({ reception_id: receptionId, ...scope }, { take: 1 })
  if (!acta) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "La recepción no existe o no es de tu organización.", "RECEPCION_NO_EXISTE")
  }
  return acta
}

type ActaRow = Awaited<ReturnType<typeof ownActa>>

/** What a party sees of an acta (the PDF is its own route). */
export function actaView(a: ActaRow, withHtml = false) {
  return {
    id: a.id,
    reception_id: a.reception_id,
    folio: a.folio,
    status: a.status,
    template: { code: a.template_code, version: a.template_version },
    data_sha256: a.data_sha256,
    html_sha256: a.html_sha256,
    pdf_sha256: a.pdf_sha256,
    document_sha256: a.document_sha256,
    signed_by_person_id: a.signed_by_person_id,
    signed_at: a.signed_at,
    certificate_serial: a.certificate_serial,
    signing_payload: actaSigningPayload(a),
    ...(withHtml ? { html: a.html } : {}),
  }
}

/** The acta's PDF, with its digests in headers (X-Content-SHA256 = pdf_sha256). */
export async function sendActaPdf(req: AuthorizedRequest, res: MedusaResponse, side: Side) {
  const a = await ownActa(req, req.params.id, side)
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="${a.folio}.pdf"`)
  res.setHeader("X-Content-SHA256", a.pdf_sha256)
  res.setHeader("X-Document-SHA256", a.document_sha256)
  res.status(200).send(Buffer.from(a.pdf_base64, "base64"))
}
