import { generateEntityId, MedusaService } from "@medusajs/framework/utils"
import type { AuditEntryInput } from "@tienda/organizations/audit"
import {
  AUDIT_LEDGER_LOCK_KEY,
  CHECKPOINT_COLUMNS_SQL,
  computeEntryHash,
  ENTRY_COLUMNS_SQL,
  type AuditCheckpointRow,
  type AuditEntryContent,
  type AuditEntryRow,
} from "../../audit/entry"
import { verifyAuditLedger, type LedgerVerification } from "../../audit/verify"
import { GENESIS_HASH, merkleRoot } from "../../utils/hash"
import { AuditCheckpoint, AuditEntry } from "./models"

/** What a caller appends; the service adds sequence, hashes and server time. */
export type AppendAuditEntryInput = AuditEntryInput

type Rows = Record<string, unknown>[]
type Trx = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Rows }> }
type Knex = Trx & { transaction: <T>(fn: (trx: Trx) => Promise<T>) => Promise<T> }
type Em = { getKnex: () => Knex }

/** Runs SQL on a knex connection or transaction; returns the rows. */
function on(db: Trx) {
  return {
    execute: async (sql: string, params: unknown[] = []): Promise<Rows> => (await db.raw(sql, params)).rows,
  }
}

/** `$1`-style parameters to MikroORM/knex `?` placeholders. */
function q(sql: string): string {
  return sql.replace(/\$\d+(::\w+)?/g, (m) => `?${m.includes("::") ? m.slice(m.indexOf("::")) : ""}`)
}

/** Most entries written by one group-commit transaction (bounds the statement's size). */
const MAX_BATCH_ENTRIES = 256

/** Counters of the ledger's writes in this process. */
export type LedgerWriteStats = {
  /** appendEntries calls */
  calls: number
  /** entries committed */
  entries: number
  /** transactions committed (one per group-commit batch, or per call in appendNow) */
  transactions: number
}

type PendingAppend = {
  inputs: AppendAuditEntryInput[]
  resolve: (rows: AuditEntryRow[]) => void
  reject: (e: unknown) => void
}

/** Takes the oldest pending calls, whole, up to MAX_BATCH_ENTRIES entries (at least one call). */
function takeBatch(queue: PendingAppend[]): PendingAppend[] {
  const batch = [queue.shift()!]
  let entries = batch[0].inputs.length
  while (queue.length && entries + queue[0].inputs.length <= MAX_BATCH_ENTRIES) {
    entries += queue[0].inputs.length
    batch.push(queue.shift()!)
  }
  return batch
}

/**
 * The hash-chained audit ledger. Appends are serialized on the chain-head
 * row lock, so concurrent appends never fork the chain: each transaction
 * reads the current head, links to it and inserts under the lock; within a
 * process, appends that arrive meanwhile share the next transaction (group
 * commit). The database refuses UPDATE/DELETE/TRUNCATE (trigger migration).
 */
class AuditLedgerModuleService extends MedusaService({ AuditEntry, AuditCheckpoint }) {
  protected readonly manager_: Em

  constructor(container: { manager: Em }, ...rest: unknown[]) {
    super(container, ...rest)
    this.manager_ = container.manager
  }

  /** Pending appends of this process, written together by the next flush (group commit). */
  private readonly queue_: PendingAppend[] = []
  private flushing_ = false
  private readonly stats_: LedgerWriteStats = { calls: 0, entries: 0, transactions: 0 }

  /**
   * Appends entries in order, atomically, at the head of the chain, and
   * resolves with them once committed. Group commit: while one transaction
   * holds the chain head, the appends that arrive meanwhile queue up and the
   * next transaction writes them all (each call's entries stay contiguous and
   * in order). Under load the head lock is then taken once per batch instead
   * of once per call, so concurrent workflows no longer queue on it. If a
   * batch fails, its calls are retried one by one, so a bad entry fails only
   * its own caller.
   */
  async appendEntries(inputs: AppendAuditEntryInput[]): Promise<AuditEntryRow[]> {
    if (!inputs.length) {
      return []
    }
    this.stats_.calls++
    return await new Promise<AuditEntryRow[]>((resolve, reject) => {
      this.queue_.push({ inputs, resolve, reject })
      if (!this.flushing_) {
        void this.flush_()
      }
    })
  }

  /** How many calls, entries and committed transactions this process has written (benchmarks, tests). */
  async ledgerWriteStats(): Promise<LedgerWriteStats> {
    return { ...this.stats_ }
  }

  private async flush_(): Promise<void> {
    this.flushing_ = true
    try {
      while (this.queue_.length) {
        const batch = takeBatch(this.queue_)
        try {
          const written = await this.appendNow(batch.flatMap((p) => p.inputs))
          let at = 0
          for (const p of batch) {
            p.resolve(written.slice(at, (at += p.inputs.length)))
          }
        } catch (e) {
          if (batch.length === 1) {
            batch[0].reject(e)
            continue
          }
          for (const p of batch) {
            await this.appendNow(p.inputs).then(p.resolve, p.reject)
          }
        }
      }
    } finally {
      this.flushing_ = false
    }
  }

  /**
   * Appends entries in one transaction, now, bypassing the group commit.
   * Every append locks the single chain-head row (SELECT … FOR UPDATE), so
   * appenders in every process are serialized; the unique indexes on
   * `sequence` and `previous_hash` make a fork impossible at the database
   * level as well.
   */
  async appendNow(inputs: AppendAuditEntryInput[]): Promise<AuditEntryRow[]> {
    const written = await this.manager_.getKnex().transaction(async (trx) => {
      const em = on(trx)
      // The chain-head row lock serializes appenders; FOR UPDATE re-reads the
      // latest committed head after waiting (no stale snapshot), and the
      // server time is projected after the wait (the row is re-read through
      // EvalPlanQual), so times follow the sequence. Four round trips in all
      // (BEGIN, lock, write, COMMIT): the lock is held for as short as it can.
      const lockHead = () =>
        em.execute(
          `SELECT last_sequence::text AS sequence, last_hash AS entry_hash,
                  to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now
             FROM audit_chain_head WHERE id = 1 FOR UPDATE`,
        )
      let [locked] = await lockHead()
      if (!locked) {
        // first append ever: create the head, then lock it
        await em.execute("INSERT INTO audit_chain_head (id, last_sequence, last_hash) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING", [
          GENESIS_HASH,
        ])
        ;[locked] = await lockHead()
      }
      const head = locked.sequence === "0" ? undefined : locked
      const now = locked.now as string
      let sequence = head ? BigInt(head.sequence as string) : 0n
      let previous = head ? (head.entry_hash as string) : GENESIS_HASH
      const written: AuditEntryRow[] = []
      for (const input of inputs) {
        sequence++
        const content: AuditEntryContent = {
          sequence: sequence.toString(),
          previous_hash: previous,
          actor_type: input.actor_type,
          actor_id: input.actor_id,
          role: input.role ?? null,
          action: input.action,
          entity_type: input.entity_type,
          entity_id: input.entity_id,
          before_digest: input.before_digest ?? null,
          after_digest: input.after_digest ?? null,
          signature: input.signature ?? null,
          certificate_serial: input.certificate_serial ?? null,
          server_time: now,
          details: input.details ?? null,
        }
        const row: AuditEntryRow = {
          ...content,
          id: generateEntityId(undefined, "aud"),
          entry_hash: computeEntryHash(content),
        }
        written.push(row)
        previous = row.entry_hash
      }
      if (written.length) {
        // every entry and the new head in one statement
        await em.execute(
          `WITH added AS (
             INSERT INTO audit_entry (id, sequence, previous_hash, entry_hash, actor_type, actor_id, role,
               action, entity_type, entity_id, before_digest, after_digest, signature, certificate_serial,
               server_time, details)
             SELECT r.id, r.sequence::bigint, r.previous_hash, r.entry_hash, r.actor_type, r.actor_id, r.role,
               r.action, r.entity_type, r.entity_id, r.before_digest, r.after_digest, r.signature,
               r.certificate_serial, r.server_time::timestamptz, r.details
               FROM jsonb_to_recordset(?::jsonb) AS r(id text, sequence text, previous_hash text, entry_hash text,
                 actor_type text, actor_id text, role text, action text, entity_type text, entity_id text,
                 before_digest text, after_digest text, signature text, certificate_serial text,
                 server_time text, details jsonb)
             RETURNING 1
           )
           UPDATE audit_chain_head SET last_sequence = ?::bigint, last_hash = ? WHERE id = 1`,
          [JSON.stringify(written), sequence.toString(), previous],
        )
      }
      return written
    })
    this.stats_.transactions++
    this.stats_.entries += written.length
    return written
  }

  /** Entries in sequence order, read back exactly as they were hashed. */
  async listLedger(
    filters: { entity_type?: string; entity_id?: string; after_sequence?: string } = {},
    page: { limit?: number; offset?: number } = {},
  ): Promise<{ entries: AuditEntryRow[]; count: number }> {
    const where: string[] = []
    const params: unknown[] = []
    if (filters.entity_type) {
      params.push(filters.entity_type)
      where.push("entity_type = ?")
    }
    if (filters.entity_id) {
      params.push(filters.entity_id)
      where.push("entity_id = ?")
    }
    if (filters.after_sequence) {
      params.push(filters.after_sequence)
      where.push("sequence > ?::bigint")
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const [{ count }] = await on(this.manager_.getKnex()).execute(`SELECT count(*)::int AS count FROM audit_entry ${w}`, params)
    const entries = (await on(this.manager_.getKnex()).execute(
      `SELECT ${ENTRY_COLUMNS_SQL} FROM audit_entry ${w} ORDER BY audit_entry.sequence LIMIT ? OFFSET ?`,
      [...params, page.limit ?? 50, page.offset ?? 0],
    )) as unknown as AuditEntryRow[]
    return { entries, count: count as number }
  }

  /**
   * Computes and stores the checkpoint of one UTC day (YYYY-MM-DD) once;
   * returns the stored one when it already exists.
   */
  async createDailyCheckpoint(day: string): Promise<AuditCheckpointRow> {
    // One knex transaction = one connection, so the xact lock really holds.
    return await this.manager_.getKnex().transaction(async (trx) => {
      const em = on(trx)
      await em.execute("SELECT pg_advisory_xact_lock(?)", [AUDIT_LEDGER_LOCK_KEY])
      const existing = await em.execute(`SELECT ${CHECKPOINT_COLUMNS_SQL} FROM audit_checkpoint WHERE day = ?`, [day])
      if (existing.length) {
        return existing[0] as unknown as AuditCheckpointRow
      }
      const rows = await em.execute(
        `SELECT sequence::text AS sequence, entry_hash FROM audit_entry
         WHERE server_time >= (?::date)::timestamp AT TIME ZONE 'UTC'
           AND server_time < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'
         ORDER BY audit_entry.sequence`,
        [day, day],
      )
      await em.execute(
        `INSERT INTO audit_checkpoint (id, day, entry_count, merkle_root, first_sequence, last_sequence)
         VALUES (?, ?, ?, ?, ?::bigint, ?::bigint)`,
        [
          generateEntityId(undefined, "audck"),
          day,
          rows.length,
          merkleRoot(rows.map((r) => r.entry_hash as string)),
          rows.length ? rows[0].sequence : null,
          rows.length ? rows[rows.length - 1].sequence : null,
        ],
      )
      const [created] = await em.execute(`SELECT ${CHECKPOINT_COLUMNS_SQL} FROM audit_checkpoint WHERE day = ?`, [day])
      return created as unknown as AuditCheckpointRow
    })
  }

  /** Published checkpoints, newest first. */
  async listPublishedCheckpoints(page: { limit?: number; offset?: number } = {}) {
    const [{ count }] = await on(this.manager_.getKnex()).execute("SELECT count(*)::int AS count FROM audit_checkpoint")
    const checkpoints = (await on(this.manager_.getKnex()).execute(
      `SELECT ${CHECKPOINT_COLUMNS_SQL} FROM audit_checkpoint ORDER BY day DESC LIMIT ? OFFSET ?`,
      [page.limit ?? 50, page.offset ?? 0],
    )) as unknown as AuditCheckpointRow[]
    return { checkpoints, count: count as number }
  }

  /** Recomputes the chain and the checkpoints (same code as `npm run audit:verify`). */
  async verifyLedger(): Promise<LedgerVerification> {
    return await verifyAuditLedger((sql, params) => on(this.manager_.getKnex()).execute(q(sql), params ?? []))
  }
}

export default AuditLedgerModuleService
