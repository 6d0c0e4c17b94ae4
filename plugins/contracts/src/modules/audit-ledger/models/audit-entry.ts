import { model } from "@medusajs/framework/utils"

/**
 * One append-only, hash-chained ledger entry. `sequence` is a bigint (altered
 * in a hand-written migration) and rows are written only by the service's
 * serialized append; triggers refuse UPDATE, DELETE and TRUNCATE.
 */
const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    sequence: model.number(),
    previous_hash: model.text(),
    entry_hash: model.text(),
    actor_type: model.text(),
    actor_id: model.text(),
    role: model.text().nullable(),
    action: model.text(),
    entity_type: model.text(),
    entity_id: model.text(),
    before_digest: model.text().nullable(),
    after_digest: model.text().nullable(),
    signature: model.text().nullable(),
    certificate_serial: model.text().nullable(),
    server_time: model.dateTime(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["sequence"], unique: true }, { on: ["entity_type", "entity_id"] }])

export default AuditEntry
