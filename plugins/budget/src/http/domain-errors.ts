import type { MedusaResponse } from "@medusajs/framework/http"
import { withDomainErrors } from "@tienda/organizations/http"
import { CONFLICT_CODES, UNAVAILABLE_CODES } from "../utils/errors"

/**
 * Domain refusals that must keep their Spanish message get their own status
 * here (Medusa rewrites CONFLICT messages): 409 for FONDOS_INSUFICIENTES and
 * the other CONFLICT_CODES, 503 when SICOP/SIAFF did not answer. Anything
 * else goes to Medusa's error handler.
 */
export function withBudgetErrors(res: MedusaResponse, fn: () => Promise<void>) {
  return withDomainErrors(res, fn, { conflict: CONFLICT_CODES, unavailable: UNAVAILABLE_CODES })
}
