import type { MedusaResponse } from "@medusajs/framework/http"

export type DomainErrorStatuses = {
  /** Codes answered 409 with their own Spanish message (Medusa rewrites CONFLICT messages). */
  conflict?: readonly string[]
  /** Codes answered 503: an outside system (SICOP/SIAFF, SAT…) did not answer. */
  unavailable?: readonly string[]
}

/**
 * Runs a route's body; a domain refusal whose code is listed keeps its
 * Spanish message and code with its own status. Anything else goes on to
 * the application's error handler.
 */
export async function withDomainErrors(res: MedusaResponse, fn: () => Promise<void>, statuses: DomainErrorStatuses) {
  try {
    await fn()
  } catch (e) {
    const err = e as { code?: string; message?: string }
    if (err?.code && statuses.conflict?.includes(err.code)) {
      res.status(409).json({ type: "conflict", code: err.code, message: err.message })
      return
    }
    if (err?.code && statuses.unavailable?.includes(err.code)) {
      res.status(503).json({ type: "unavailable", code: err.code, message: err.message })
      return
    }
    throw e
  }
}

/**
 * The HTTP status a domain code is answered with; `null` for a code that is
 * reported inside an answer (a finding or a match reason), never as an error.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 500 | 503 | null

/** One entry of a plugin's error catalogue: the status and the Spanish meaning of the code. */
export type ErrorEntry = { readonly status: ErrorStatus; readonly message: string }

/**
 * A plugin's error-code catalogue (`plugins/<p>/src/…/errors.ts`, docs/conventions.md):
 * every stable UPPER_SNAKE code the plugin throws, keyed by the code itself.
 */
export type ErrorCatalogue = Readonly<Record<string, ErrorEntry>>

/** The codes of a catalogue answered with `status` (e.g. the 409s for `withDomainErrors`). */
export function codesWithStatus<C extends ErrorCatalogue>(catalogue: C, status: ErrorStatus): (keyof C & string)[] {
  return Object.keys(catalogue).filter((code) => catalogue[code].status === status) as (keyof C & string)[]
}
