/** The legal floor: documents and the audit ledger are kept at least 3 years. */
export const MIN_RETENTION_YEARS = 3

/**
 * AUDIT_RETENTION_YEARS (default 3). Values below the floor are raised to 3:
 * a configuration can lengthen retention, never shorten it below the law.
 */
export function auditRetentionYears(env: Record<string, string | undefined> = process.env): number {
  const raw = env.AUDIT_RETENTION_YEARS
  const n = raw === undefined || raw.trim() === "" ? MIN_RETENTION_YEARS : Number(raw)
  return Number.isFinite(n) ? Math.max(MIN_RETENTION_YEARS, Math.floor(n)) : MIN_RETENTION_YEARS
}

/** The first UTC day still inside the retention window on `today`. */
export function retainedSince(years: number, today: Date = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()))
  return d.toISOString().slice(0, 10)
}
