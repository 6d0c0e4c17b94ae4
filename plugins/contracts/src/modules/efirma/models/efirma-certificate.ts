import { model } from "@medusajs/framework/utils"

/**
 * An e.firma certificate registered by a person (public part only: the `.cer`;
 * the private key never reaches the server). A certificate is never deleted:
 * revocation keeps it, so signatures made before remain explainable.
 */
const EfirmaCertificate = model
  .define("efirma_certificate", {
    id: model.id({ prefix: "efcer" }).primaryKey(),
    person_id: model.text(),
    organization_id: model.text().nullable(),
    /** SAT NoCertificado (20 ASCII digits) or hex serial. */
    serial: model.text(),
    serial_hex: model.text(),
    rfc: model.text(),
    subject_name: model.text(),
    subject: model.text(),
    issuer: model.text(),
    valid_from: model.dateTime(),
    valid_to: model.dateTime(),
    /** Base64 X.509 DER. */
    der: model.text(),
    fingerprint_sha256: model.text(),
    status: model.enum(["active", "revoked"]).default("active"),
    registered_at: model.dateTime(),
    revoked_at: model.dateTime().nullable(),
    revocation_reason: model.text().nullable(),
  })
  .indexes([{ on: ["serial"], unique: true, where: "deleted_at IS NULL" }, { on: ["person_id"] }])

export default EfirmaCertificate
