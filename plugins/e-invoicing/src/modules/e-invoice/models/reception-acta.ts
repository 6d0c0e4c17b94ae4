import { model } from "@medusajs/framework/utils"

/**
 * The acta de entrega-recepción of one reception: rendered when the
 * reception is recorded from a versioned template (HTML and PDF, with their
 * digests), then signed with e.firma by the Reception Manager over
 * `{ documento, acta_id, folio, reception_id, document_sha256 }`.
 */
const ReceptionActa = model
  .define(
    { name: "ReceptionActa", tableName: "einv_reception_acta" },
    {
      id: model.id({ prefix: "acta" }).primaryKey(),
      reception_id: model.text(),
      agency_id: model.text(),
      supplier_id: model.text(),
      folio: model.text(),
      template_code: model.text(),
      template_version: model.number(),
      data: model.json(),
      html: model.text(),
      pdf_base64: model.text(),
      data_sha256: model.text(),
      html_sha256: model.text(),
      pdf_sha256: model.text(),
      document_sha256: model.text(),
      status: model.enum(["pending_signature", "signed"]).default("pending_signature"),
      signed_by_person_id: model.text().nullable(),
      signed_at: model.dateTime().nullable(),
      certificate_serial: model.text().nullable(),
      signature: model.text().nullable(),
      payload_sha256: model.text().nullable(),
    },
  )
  .indexes([{ on: ["reception_id"], unique: true }, { on: ["folio"], unique: true }, { on: ["agency_id", "status"] }])

export default ReceptionActa
