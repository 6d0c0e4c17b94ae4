import { model } from "@medusajs/framework/utils"

/**
 * The published summary of one UTC day of the ledger: entry count, first and
 * last sequence and the RFC 6962 Merkle root of that day's entry hashes.
 * Immutable once written (same triggers as the entries).
 */
const AuditCheckpoint = model
  .define("audit_checkpoint", {
    id: model.id({ prefix: "audck" }).primaryKey(),
    day: model.text(),
    entry_count: model.number(),
    merkle_root: model.text(),
    first_sequence: model.number().nullable(),
    last_sequence: model.number().nullable(),
  })
  .indexes([{ on: ["day"], unique: true }])

export default AuditCheckpoint
