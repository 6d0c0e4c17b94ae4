/** How long a delegation may run when the agency's policy does not say (days). */
export const DEFAULT_MAX_DELEGATION_DAYS = 90
const DAY_MS = 24 * 3600 * 1000

export type DelegationPeriodProblem = { code: "PERIODO_INVALIDO" | "DELEGACION_EXCEDE_PLAZO"; message: string }

/**
 * Whether a delegation period is acceptable under the agency's policy: it must
 * end after it starts and last at most `maxDays` natural days. Pure; the step
 * that records the delegation turns the problem into a 400.
 */
export function delegationPeriodProblem(starts: Date, ends: Date, maxDays: number): DelegationPeriodProblem | null {
  if (Number.isNaN(starts.getTime()) || Number.isNaN(ends.getTime()) || ends <= starts) {
    return {
      code: "PERIODO_INVALIDO",
      message: "El periodo de la delegación no es válido: la fecha final debe ser posterior a la inicial.",
    }
  }
  if (ends.getTime() - starts.getTime() > maxDays * DAY_MS) {
    const days = Math.ceil((ends.getTime() - starts.getTime()) / DAY_MS)
    return {
      code: "DELEGACION_EXCEDE_PLAZO",
      message: `Una delegación puede durar a lo más ${maxDays} días según la política de tu dependencia; la solicitada dura ${days}.`,
    }
  }
  return null
}

/** A delegation acts at `now` when `now` is in its period and it was not revoked before. */
export function delegationInForce(
  d: { starts_at: Date | string; ends_at: Date | string; revoked_at?: Date | string | null },
  now: Date,
): boolean {
  const t = now.getTime()
  return (
    new Date(d.starts_at).getTime() <= t && t < new Date(d.ends_at).getTime() && !(d.revoked_at && new Date(d.revoked_at).getTime() <= t)
  )
}
