import { canonicalJson, sha256Hex, type AuditEntryRecord } from "@tienda/organizations/audit"

/** The hashed content of one ledger entry (every column but id and the hash). */
export type AuditEntryContent = Omit<AuditEntryRecord, "id" | "entry_hash">

export type AuditEntryRow = AuditEntryRecord

/**
 * entry_hash = SHA-256 (hex) of the canonical JSON of every field of the
 * entry, previous_hash included, so each entry commits to the whole chain
 * before it.
 */
export function computeEntryHash(e: AuditEntryContent): string {
  return sha256Hex(
    canonicalJson({
      sequence: e.sequence,
      previous_hash: e.previous_hash,
      actor_type: e.actor_type,
      actor_id: e.actor_id,
      role: e.role,
      action: e.action,
      entity_type: e.entity_type,
      entity_id: e.entity_id,
      before_digest: e.before_digest,
      after_digest: e.after_digest,
      signature: e.signature,
      certificate_serial: e.certificate_serial,
      server_time: e.server_time,
      details: e.details,
    }),
  )
}

/** Columns read back exactly as they were hashed (time as ISO UTC ms text). */
export const ENTRY_COLUMNS_SQL = `id, sequence::text AS sequence, previous_hash, entry_hash, actor_type,
  actor_id, role, action, entity_type, entity_id, before_digest, after_digest, signature,
  certificate_serial, to_char(server_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS server_time,
  details`

export const CHECKPOINT_COLUMNS_SQL = `id, day, entry_count, merkle_root, first_sequence::text AS first_sequence,
  last_sequence::text AS last_sequence, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at`

export type AuditCheckpointRow = {
  id: string
  day: string
  entry_count: number
  merkle_root: string
  first_sequence: string | null
  last_sequence: string | null
  created_at: string
}

/** Advisory-lock key that serializes appends (and checkpoints) of the ledger. */
export const AUDIT_LEDGER_LOCK_KEY = 7_202_611_220
