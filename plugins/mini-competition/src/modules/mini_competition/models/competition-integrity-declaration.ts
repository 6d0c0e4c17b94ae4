import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/**
 * An integrity declaration (declaración de integridad) signed on a
 * competition before acting on it: by an official of the Purchasing Unit
 * (`side = official`, before publishing or awarding) or by a user of an
 * invited supplier (`side = supplier`, before bidding). Keeps the version
 * and SHA-256 of the exact text signed, who signed (with the e.firma
 * certificate serial, signature and signed payload's SHA-256), for which
 * organization, and when (the procedure's clock). Append-only; one per person, side and
 * competition.
 */
const CompetitionIntegrityDeclaration = model
  .define(
    { name: "competition_integrity_declaration", tableName: "mc_integrity_declaration" },
    {
      id: model.id({ prefix: "mcdecl" }).primaryKey(),
      side: model.enum(["official", "supplier"]),
      person_id: model.text(),
      organization_id: model.text(),
      text_version: model.text(),
      text_sha256: model.text(),
      declared_at: model.dateTime(),
      /** The signer's e.firma over the declaration's signing payload (null only on rows from before signatures were required). */
      certificate_serial: model.text().nullable(),
      signature: model.text().nullable(),
      payload_sha256: model.text().nullable(),
      competition: model.belongsTo(() => Competition, { mappedBy: "integrity_declarations" }),
    },
  )
  .indexes([{ on: ["competition_id", "side", "person_id"], unique: true, where: "deleted_at IS NULL" }])

export default CompetitionIntegrityDeclaration
