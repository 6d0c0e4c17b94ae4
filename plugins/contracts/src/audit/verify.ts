import { merkleRoot } from "../utils/hash"
import { GENESIS_HASH } from "../utils/hash"
import { CHECKPOINT_COLUMNS_SQL, computeEntryHash, ENTRY_COLUMNS_SQL, type AuditCheckpointRow, type AuditEntryRow } from "./entry"

/** Runs SQL with positional `$1` parameters and returns the rows. */
export type SqlRunner = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>

export type LedgerBreak = {
  /** Sequence of the first entry that does not verify. */
  sequence: string
  entry_id: string | null
  reason: "sequence_gap" | "previous_hash_mismatch" | "entry_hash_mismatch"
  message: string
}

export type CheckpointBreak = {
  day: string
  reason: "count_mismatch" | "merkle_root_mismatch" | "range_mismatch"
  message: string
}

export type LedgerVerification = {
  ok: boolean
  entries: number
  checkpoints: number
  first_break: LedgerBreak | null
  checkpoint_breaks: CheckpointBreak[]
}

const PAGE = 5000

/**
 * Recomputes the whole chain (contiguous sequence from 1, previous-hash links,
 * entry hashes) and every published daily checkpoint (count, first/last
 * sequence, RFC 6962 Merkle root of the day's entry hashes). Stops the chain
 * walk at the first broken entry, which it names by sequence and id.
 */
export async function verifyAuditLedger(run: SqlRunner): Promise<LedgerVerification> {
  let expected = 1n
  let previous = GENESIS_HASH
  let count = 0
  let firstBreak: LedgerBreak | null = null
  const byDay = new Map<string, { hashes: string[]; first: string; last: string }>()
  let after = "0"
  for (;;) {
    const rows = (await run(
      `SELECT ${ENTRY_COLUMNS_SQL} FROM audit_entry WHERE audit_entry.sequence > $1::bigint ORDER BY audit_entry.sequence LIMIT ${PAGE}`,
      [after],
    )) as unknown as AuditEntryRow[]
    for (const row of rows) {
      count++
      const day = row.server_time.slice(0, 10)
      const d = byDay.get(day) ?? { hashes: [], first: row.sequence, last: row.sequence }
      d.hashes.push(row.entry_hash)
      d.last = row.sequence
      byDay.set(day, d)
      if (firstBreak) {
        continue
      }
      const seq = BigInt(row.sequence)
      if (seq !== expected) {
        firstBreak = {
          sequence: row.sequence,
          entry_id: row.id,
          reason: "sequence_gap",
          message: `Falta la entrada ${expected.toString()}: después de la ${(expected - 1n).toString()} sigue la ${row.sequence} (entrada eliminada).`,
        }
      } else if (row.previous_hash !== previous) {
        firstBreak = {
          sequence: row.sequence,
          entry_id: row.id,
          reason: "previous_hash_mismatch",
          message: `La entrada ${row.sequence} (${row.id}) no enlaza con el hash de la entrada anterior.`,
        }
      } else if (computeEntryHash(row) !== row.entry_hash) {
        firstBreak = {
          sequence: row.sequence,
          entry_id: row.id,
          reason: "entry_hash_mismatch",
          message: `La entrada ${row.sequence} (${row.id}) fue alterada: su hash no corresponde a su contenido.`,
        }
      }
      expected = seq + 1n
      previous = row.entry_hash
    }
    if (rows.length < PAGE) {
      break
    }
    after = rows[rows.length - 1].sequence
  }

  const checkpoints = (await run(`SELECT ${CHECKPOINT_COLUMNS_SQL} FROM audit_checkpoint ORDER BY day`)) as unknown as AuditCheckpointRow[]
  const checkpointBreaks: CheckpointBreak[] = []
  for (const cp of checkpoints) {
    const d = byDay.get(cp.day)
    const n = d?.hashes.length ?? 0
    if (n !== Number(cp.entry_count)) {
      checkpointBreaks.push({
        day: cp.day,
        reason: "count_mismatch",
        message: `El punto de control del ${cp.day} publica ${cp.entry_count} entradas y hoy hay ${n}.`,
      })
    } else if ((d?.first ?? null) !== cp.first_sequence || (d?.last ?? null) !== cp.last_sequence) {
      checkpointBreaks.push({
        day: cp.day,
        reason: "range_mismatch",
        message: `El punto de control del ${cp.day} cubre las entradas ${cp.first_sequence}–${cp.last_sequence} y hoy son ${d?.first}–${d?.last}.`,
      })
    } else if (merkleRoot(d?.hashes ?? []) !== cp.merkle_root) {
      checkpointBreaks.push({
        day: cp.day,
        reason: "merkle_root_mismatch",
        message: `La raíz de Merkle del ${cp.day} no coincide con la publicada.`,
      })
    }
  }
  return {
    ok: !firstBreak && !checkpointBreaks.length,
    entries: count,
    checkpoints: checkpoints.length,
    first_break: firstBreak,
    checkpoint_breaks: checkpointBreaks,
  }
}

/** Human-readable report (Spanish) for the CLI. */
export function formatVerification(v: LedgerVerification): string {
  const lines = [`Bitácora de auditoría: ${v.entries} entradas, ${v.checkpoints} puntos de control.`]
  if (v.first_break) {
    lines.push(
      `PRIMERA ENTRADA ROTA: secuencia ${v.first_break.sequence} (id ${v.first_break.entry_id}) [${v.first_break.reason}]: ${v.first_break.message}`,
    )
  }
  for (const b of v.checkpoint_breaks) {
    lines.push(`PUNTO DE CONTROL ROTO: ${b.day} [${b.reason}]: ${b.message}`)
  }
  lines.push(v.ok ? "Resultado: íntegra." : "Resultado: ALTERADA.")
  return lines.join("\n")
}
