import type { MedusaResponse } from "@medusajs/framework/http"
import { CONFLICT_CODES, UNAVAILABLE_CODES } from "../utils/errors"

/**
 * Domain refusals that must keep their Spanish message get their own status
 * here (Medusa rewrites CONFLICT messages): 409 for FONDOS_INSUFICIENTES and
 * the other CONFLICT_CODES, 503 when SICOP/SIAFF did not answer. Anything
 * else goes to Medusa's error handler.
 */
export async function withBudgetErrors(res: MedusaResponse, fn: () => Promise<void>) {
  try {
    await fn()
  } catch (e) {
    const err = e as { code?: string; message?: string }
    if (err?.code && CONFLICT_CODES.includes(err.code)) {
      res.status(409).json({ type: "conflict", code: err.code, message: err.message })
      return
    }
    if (err?.code && UNAVAILABLE_CODES.includes(err.code)) {
      res.status(503).json({ type: "unavailable", code: err.code, message: err.message })
      return
    }
    throw e
  }
}
