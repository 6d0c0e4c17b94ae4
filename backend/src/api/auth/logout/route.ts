import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { bearerOf, tokenExpiry, tokenHash } from "../../../security/revocation"
import { revokeSessionTokenWorkflow } from "../../../workflows/revoke-session-token"

/**
 * Logs out a bearer token: it stops working at once, on every process (the
 * guard refuses it with 401 SESION_CERRADA). Cookie sessions end with
 * Medusa's own `DELETE /auth/session`.
 */
export const POST = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const token = bearerOf(req)
  if (!token) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Esta sesión no usa un token; ciérrala con DELETE /auth/session.",
      "SIN_TOKEN_DE_SESION",
    )
  }
  await revokeSessionTokenWorkflow(req.scope).run({
    input: { token_hash: tokenHash(token), expires_at: tokenExpiry(token), actor: auditActorOf(req) },
  })
  res.json({ logged_out: true })
}
