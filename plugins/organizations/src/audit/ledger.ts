import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuditActor } from "./actor"
import { digestOf } from "./digest"

/** Container key of the hash-chained audit ledger module (registered by @tienda/contracts). */
export const AUDIT_LEDGER_KEY = "audit_ledger"

/** What a caller appends; the ledger adds the sequence, the hashes and the server time. */
export type AuditEntryInput = Required<Pick<AuditActor, "actor_type" | "actor_id">> & {
  role?: string | null
  action: string
  entity_type: string
  entity_id: string
  before_digest?: string | null
  after_digest?: string | null
  signature?: string | null
  certificate_serial?: string | null
  details?: Record<string, unknown> | null
}

/** One ledger entry as stored and hashed. */
export type AuditEntryRecord = {
  id: string
  /** Decimal string (bigint in the database). */
  sequence: string
  previous_hash: string
  entry_hash: string
  actor_type: string
  actor_id: string
  role: string | null
  action: string
  entity_type: string
  entity_id: string
  before_digest: string | null
  after_digest: string | null
  signature: string | null
  certificate_serial: string | null
  /** ISO-8601 UTC with milliseconds, e.g. 2026-11-22T03:14:15.926Z. */
  server_time: string
  details: Record<string, unknown> | null
}

/** An entry to append, with the states before and after the change (hashed, never stored). */
export type AuditEntryDraft = AuditEntryInput & {
  /** State before the change; hashed into before_digest (not stored). */
  before?: unknown
  /** State after the change; hashed into after_digest (not stored). */
  after?: unknown
}

/** The one thing the audit sink needs from the ledger module. */
export type AuditLedgerSink = {
  appendEntries(inputs: AuditEntryInput[]): Promise<AuditEntryRecord[]>
}

let warnedMissing = false

/**
 * The ledger module, or null when the application does not register one
 * (organizations used without @tienda/contracts): then nothing is recorded
 * and a warning is logged once.
 */
export function resolveAuditLedger(container: MedusaContainer): AuditLedgerSink | null {
  const ledger = container.resolve<AuditLedgerSink | undefined>(AUDIT_LEDGER_KEY, { allowUnregistered: true })
  if (ledger) {
    return ledger
  }
  if (!warnedMissing) {
    warnedMissing = true
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`audit: no module is registered as "${AUDIT_LEDGER_KEY}"; state changes are not being recorded in an audit ledger`)
  }
  return null
}

/**
 * SHA-256 of the canonical JSON of a state as its JSON form (what the API
 * answers): dates become ISO strings and values with `toJSON` (bigNumber
 * amounts) their JSON, so any step output can be digested. null when there
 * is no state.
 */
export function stateDigest(state: unknown): string | null {
  return state === undefined ? null : digestOf(JSON.parse(JSON.stringify(state) ?? "null"))
}

/** The entry to append for a draft: before/after become their digests. */
export function entryOf({ before, after, ...entry }: AuditEntryDraft): AuditEntryInput {
  return {
    ...entry,
    before_digest: entry.before_digest ?? stateDigest(before),
    after_digest: entry.after_digest ?? stateDigest(after),
  }
}

/** What a compensation needs to revert an appended entry. */
export type AppendedAuditEntry = Pick<
  AuditEntryRecord,
  "id" | "sequence" | "actor_type" | "actor_id" | "role" | "action" | "entity_type" | "entity_id" | "before_digest" | "after_digest"
>

export function appendedOf(e: AuditEntryRecord): AppendedAuditEntry {
  return {
    id: e.id,
    sequence: e.sequence,
    actor_type: e.actor_type,
    actor_id: e.actor_id,
    role: e.role,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    before_digest: e.before_digest,
    after_digest: e.after_digest,
  }
}

/**
 * The compensating entry of an appended one: the ledger never deletes, it
 * appends `<action>.reverted` with the digests swapped, pointing to the entry
 * it reverts.
 */
export function reversalOf(e: AppendedAuditEntry): AuditEntryInput {
  return {
    actor_type: e.actor_type,
    actor_id: e.actor_id,
    role: e.role,
    action: `${e.action}.reverted`,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    before_digest: e.after_digest,
    after_digest: e.before_digest,
    details: { reverts_sequence: e.sequence, reverts_entry_id: e.id },
  }
}
