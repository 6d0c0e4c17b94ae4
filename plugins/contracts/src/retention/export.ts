import { createHash } from "node:crypto"
import { CHECKPOINT_COLUMNS_SQL, ENTRY_COLUMNS_SQL } from "../audit/entry"
import { auditRetentionYears, retainedSince } from "./config"

type Rows = Record<string, unknown>[]
/** Knex-style raw runner (`?` placeholders). */
export type RawRunner = (sql: string, params: unknown[]) => Promise<Rows>

/**
 * A kind of retained document the auditor export includes besides the
 * ledger: a table read page by page in a stable order. Other bounded
 * contexts (e.g. specific contracts) add theirs to EXPORT_SOURCES.
 */
export type ExportSource = {
  type: string
  /** SQL returning rows created in [from, to) ordered by `id`, after `?` (id), limit `?`. */
  sql: string
}

export const EXPORT_SOURCES: ExportSource[] = [
  {
    type: "efirma_certificate",
    sql: `SELECT id, person_id, organization_id, serial, serial_hex, rfc, subject_name, subject, issuer,
            valid_from, valid_to, der, fingerprint_sha256, status, registered_at, revoked_at, revocation_reason
          FROM efirma_certificate
          WHERE registered_at >= ?::date AND registered_at < ?::date AND id > ? AND deleted_at IS NULL
          ORDER BY id LIMIT ?`,
  },
]

const PAGE = 1000

export type ExportRange = { from: string; to: string }

/**
 * The auditor export as NDJSON lines: a header (range, retention policy),
 * every ledger entry of the range in sequence order exactly as hashed (so
 * the chain can be recomputed), the daily checkpoints of the range, the
 * retained documents of every EXPORT_SOURCES, and a trailer with counts and
 * the SHA-256 of all previous lines (integrity of the file itself). Ranges
 * are UTC days, `to` exclusive. Read page by page: memory stays flat.
 */
export async function* auditExportLines(run: RawRunner, range: ExportRange, now: Date = new Date()): AsyncGenerator<string> {
  const hash = createHash("sha256")
  const counts: Record<string, number> = { entry: 0, checkpoint: 0 }
  const emit = (obj: Record<string, unknown>) => {
    const line = `${JSON.stringify(obj)}\n`
    hash.update(line)
    return line
  }
  const years = auditRetentionYears()
  yield emit({
    type: "header",
    format: "tienda-digital-audit-export/1",
    from: range.from,
    to: range.to,
    generated_at: now.toISOString(),
    retention_years: years,
    retained_since: retainedSince(years, now),
    hashing: "entry_hash = SHA-256(JSON canónico de la entrada); raíz diaria RFC 6962",
  })
  let after = "0"
  for (;;) {
    const rows = await run(
      `SELECT ${ENTRY_COLUMNS_SQL} FROM audit_entry
        WHERE server_time >= (?::date)::timestamp AT TIME ZONE 'UTC'
          AND server_time < (?::date)::timestamp AT TIME ZONE 'UTC'
          AND audit_entry.sequence > ?::bigint
        ORDER BY audit_entry.sequence LIMIT ?`,
      [range.from, range.to, after, PAGE],
    )
    for (const r of rows) {
      counts.entry++
      yield emit({ type: "entry", ...r })
    }
    if (rows.length < PAGE) {
      break
    }
    after = rows[rows.length - 1].sequence as string
  }
  const checkpoints = await run(`SELECT ${CHECKPOINT_COLUMNS_SQL} FROM audit_checkpoint WHERE day >= ? AND day < ? ORDER BY day`, [
    range.from,
    range.to,
  ])
  for (const c of checkpoints) {
    counts.checkpoint++
    yield emit({ type: "checkpoint", ...c })
  }
  for (const source of EXPORT_SOURCES) {
    counts[source.type] = 0
    let last = ""
    for (;;) {
      const rows = await run(source.sql, [range.from, range.to, last, PAGE])
      for (const r of rows) {
        counts[source.type]++
        yield emit({ type: source.type, ...r })
      }
      if (rows.length < PAGE) {
        break
      }
      last = rows[rows.length - 1].id as string
    }
  }
  const digest = hash.digest("hex")
  yield `${JSON.stringify({ type: "trailer", counts, sha256_of_previous_lines: digest })}\n`
}
