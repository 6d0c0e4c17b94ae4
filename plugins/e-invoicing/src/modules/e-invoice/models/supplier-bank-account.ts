import { model } from "@medusajs/framework/utils"

/**
 * A supplier's bank account for SPEI payments (TESOFE pays the CLC to it).
 * One account is active per supplier; a change replaces it (the old row
 * stays, status "replaced", for the audit trail). Every registration is
 * signed with the supplier user's e.firma: the signature, the certificate
 * serial and the digest of the signed payload are kept.
 */
const SupplierBankAccount = model
  .define("supplier_bank_account", {
    id: model.id({ prefix: "sbac" }).primaryKey(),
    /** organization.id of the supplier (read-only link to organizations). */
    supplier_id: model.text(),
    clabe: model.text(),
    bank_code: model.text(),
    bank_tag: model.text(),
    bank_name: model.text(),
    plaza: model.text().nullable(),
    holder_name: model.text(),
    holder_rfc: model.text(),
    status: model.enum(["active", "replaced"]).default("active"),
    replaced_at: model.dateTime().nullable(),
    replaced_by_id: model.text().nullable(),
    /** The person who signed, their certificate and signature over the canonical payload. */
    signed_by_person_id: model.text(),
    efirma_serial: model.text(),
    signature: model.text(),
    payload_sha256: model.text(),
    signed_at: model.dateTime(),
  })
  .indexes([{ on: ["supplier_id", "status"] }, { on: ["supplier_id"], unique: true, where: "status = 'active' AND deleted_at IS NULL" }])

export default SupplierBankAccount
