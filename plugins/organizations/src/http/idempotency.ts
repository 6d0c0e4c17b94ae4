import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareFunction } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> }

const KEY = /^[\x21-\x7e]{1,200}$/

const conflict = (res: MedusaResponse, code: string, message: string) => res.status(409).json({ type: "conflict", code, message })

/**
 * Honours the `Idempotency-Key` header on a mutating route (optional: without
 * the header the request runs as usual). The key is namespaced by the
 * authenticated actor and the route; the first request with a key runs and
 * its answer (status and JSON body, when below 500) is stored; a replay with
 * the same body gets that first answer back and runs nothing; the same key
 * with another body is a 409 IDEMPOTENCIA_CONFLICTO; a replay while the first
 * is still running is a 409 IDEMPOTENCIA_EN_PROCESO. A 5xx answer is not
 * kept, so the client may retry with the same key. Mount after `authorize`.
 */
export function idempotent() {
  const middleware = async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const header = req.get("idempotency-key")
    if (header === undefined) {
      return next()
    }
    if (!KEY.test(header)) {
      return res.status(400).json({
        type: "invalid_data",
        code: "IDEMPOTENCIA_CLAVE_INVALIDA",
        message: "El encabezado Idempotency-Key debe tener de 1 a 200 caracteres visibles.",
      })
    }
    const actor = (req as MedusaRequest & { auth_context?: { actor_type: string; actor_id: string } }).auth_context
    const route = `${req.method} ${req.baseUrl}${req.path}`
    const key = `${actor?.actor_type ?? "anon"}:${actor?.actor_id ?? "-"}:${route}:${header}`
    const digest = createHash("sha256")
      .update(JSON.stringify(req.body ?? {}))
      .digest("hex")
    const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
    const { rows: claimed } = await pg.raw(
      `INSERT INTO idempotency_record (key, request_sha256) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, digest],
    )
    if (!claimed.length) {
      const { rows } = await pg.raw(`SELECT request_sha256, status_code, response FROM idempotency_record WHERE key = ?`, [key])
      const first = rows[0]
      if (!first || first.request_sha256 !== digest) {
        return conflict(
          res,
          "IDEMPOTENCIA_CONFLICTO",
          "Esta Idempotency-Key ya se usó con otra solicitud; usa una clave nueva para una operación distinta.",
        )
      }
      if (first.status_code === null) {
        return conflict(
          res,
          "IDEMPOTENCIA_EN_PROCESO",
          "La solicitud con esta Idempotency-Key aún se está procesando; vuelve a intentarlo en un momento.",
        )
      }
      res.setHeader("Idempotent-Replayed", "true")
      return res.status(Number(first.status_code)).json(first.response)
    }
    // keep the first answer: stored before it is sent, so a replay never sees it half-done
    const json = res.json.bind(res)
    res.json = ((payload: unknown) => {
      const store =
        res.statusCode >= 500
          ? pg.raw(`DELETE FROM idempotency_record WHERE key = ?`, [key])
          : pg.raw(`UPDATE idempotency_record SET status_code = ?, response = ?::jsonb, completed_at = now() WHERE key = ?`, [
              res.statusCode,
              JSON.stringify(payload ?? null),
              key,
            ])
      void store.then(
        () => json(payload),
        () => json(payload),
      )
      return res
    }) as typeof res.json
    return next()
  }
  ;(middleware as IdempotentMiddleware)[IDEMPOTENT] = true
  return middleware
}

/** Marks the `idempotent()` middleware, so the OpenAPI document can declare the Idempotency-Key header. */
export const IDEMPOTENT = "__tiendaIdempotent"

type IdempotentMiddleware = MiddlewareFunction & { [IDEMPOTENT]?: true }

/** Whether a route's middlewares honour `Idempotency-Key`. */
export function isIdempotentRoute(middlewares: unknown[] | undefined): boolean {
  return (middlewares ?? []).some((m) => !!(m as IdempotentMiddleware | undefined)?.[IDEMPOTENT])
}
