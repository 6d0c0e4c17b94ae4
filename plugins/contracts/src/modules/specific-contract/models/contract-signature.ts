import { model } from "@medusajs/framework/utils"
import SpecificContract from "./specific-contract"

/**
 * One verified e.firma signature of a contract: which side, who, with which
 * certificate, over which payload digest. One per side (unique index), so a
 * side can never sign twice, even concurrently.
 */
const ContractSignature = model
  .define("contract_signature", {
    id: model.id({ prefix: "spcsig" }).primaryKey(),
    role: model.enum(["agency_signer", "supplier"]),
    person_id: model.text(),
    organization_id: model.text(),
    certificate_serial: model.text(),
    rfc: model.text(),
    subject_name: model.text(),
    signature: model.text(),
    payload_sha256: model.text(),
    document_sha256: model.text(),
    signed_at: model.dateTime(),
    contract: model.belongsTo(() => SpecificContract, { mappedBy: "signatures" }),
  })
  .indexes([{ on: ["contract_id", "role"], unique: true }])

export default ContractSignature
