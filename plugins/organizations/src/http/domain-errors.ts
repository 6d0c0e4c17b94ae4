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
