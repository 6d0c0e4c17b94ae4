import { model } from "@medusajs/framework/utils"
import Competition from "./competition"

/**
 * A supplier's sealed bid. Until the competition is opened only the
 * commitment (SHA-256 of the canonical bid with a random nonce) and the
 * AES-256-GCM ciphertext are stored; the key is derived from a secret kept
 * outside the application tables (docs/adr/0012). At opening `revealed`,
 * `total`, `valid`, `findings` and `rank` are filled. A replaced or
 * withdrawn bid keeps its commitment for the record and is never opened.
 */
const CompetitionBid = model
  .define(
    { name: "competition_bid", tableName: "mc_competition_bid" },
    {
      id: model.id({ prefix: "mcbid" }).primaryKey(),
      supplier_id: model.text(),
      status: model.enum(["sealed", "replaced", "withdrawn", "opened", "tampered"]).default("sealed"),
      commitment: model.text(),
      ciphertext: model.text(),
      iv: model.text(),
      auth_tag: model.text(),
      submitted_at: model.dateTime(),
      submitted_by_person_id: model.text(),
      revealed: model.json().nullable(),
      total: model.bigNumber().nullable(),
      valid: model.boolean().nullable(),
      findings: model.json().nullable(),
      rank: model.number().nullable(),
      competition: model.belongsTo(() => Competition, { mappedBy: "bids" }),
    },
  )
  .indexes([
    { on: ["competition_id", "status"] },
    // at most one live (sealed) bid per supplier and competition
    { on: ["competition_id", "supplier_id"], unique: true, where: "deleted_at IS NULL AND status = 'sealed'" },
  ])

export default CompetitionBid
