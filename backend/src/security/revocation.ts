import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"

type Knex = { raw: (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }> }

/** The request's bearer token, if it carries one. */
export function bearerOf(req: Pick<MedusaRequest, "headers">): string | null {
  const header = req.headers.authorization
  const match = typeof header === "string" ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match ? match[1] : null
}

/** What is stored of a revoked token: its SHA-256, never the token. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

/** The `exp` of a JWT (already verified by Medusa's authenticate), as a date; a day from now if absent. */
export function tokenExpiry(token: string, now = new Date()): Date {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as { exp?: number }
    if (typeof payload.exp === "number") {
      return new Date(payload.exp * 1000)
    }
  } catch {
    // not a JWT we can read: keep the revocation for a day (Medusa's default token life)
  }
  return new Date(now.getTime() + 24 * 3600 * 1000)
}

/** Whether the token was ended by a logout (one indexed lookup, shared by every process). */
export async function isRevoked(req: MedusaRequest, token: string): Promise<boolean> {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const { rows } = await pg.raw("select 1 from ops_revoked_token where token_hash = ? and deleted_at is null limit 1", [tokenHash(token)])
  return rows.length > 0
}
