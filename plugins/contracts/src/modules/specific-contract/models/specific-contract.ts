import { model } from "@medusajs/framework/utils"
import ContractSignature from "./contract-signature"

/**
 * A specific contract (contrato específico) derived from a framework
 * contract, or a convenio modificatorio of one (`kind = amendment`,
 * `parent_id` = the contract). The data snapshot, the rendered documents
 * and their digests are immutable (database trigger); only the status and
 * its dates move: pending_signatures → partially_signed → in_force, or
 * cancelled. Parties are plain ids (organizations module), no FKs.
 */
const SpecificContract = model
  .define("specific_contract", {
    id: model.id({ prefix: "spc" }).primaryKey(),
    number: model.text(),
    kind: model.enum(["contract", "amendment"]).default("contract"),
    parent_id: model.text().nullable(),
    amendment_sequence: model.number().nullable(),
    status: model.enum(["draft", "pending_signatures", "partially_signed", "in_force", "cancelled"]).default("pending_signatures"),
    agency_id: model.text(),
    agency_unit_id: model.text(),
    supplier_id: model.text(),
    framework_contract_id: model.text(),
    budget_key_id: model.text(),
    requisition_id: model.text().nullable(),
    agency_signer_person_id: model.text(),
    supplier_signer_person_id: model.text(),
    created_by_person_id: model.text(),
    template_code: model.text(),
    template_version: model.number(),
    data: model.json(),
    data_sha256: model.text(),
    html_sha256: model.text(),
    pdf_sha256: model.text(),
    document_sha256: model.text(),
    html: model.text(),
    pdf_base64: model.text(),
    subtotal: model.bigNumber(),
    iva: model.bigNumber(),
    total: model.bigNumber(),
    currency_code: model.text().default("mxn"),
    issued_at: model.dateTime(),
    in_force_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    cancellation_reason: model.text().nullable(),
    signatures: model.hasMany(() => ContractSignature, { mappedBy: "contract" }),
  })
  .indexes([{ on: ["number"], unique: true }, { on: ["agency_id", "status"] }, { on: ["supplier_id", "status"] }, { on: ["parent_id"] }])

export default SpecificContract
