import { model } from "@medusajs/framework/utils"

/**
 * A bearer token ended by its holder's logout: the guard refuses it at once,
 * on every process, until it would have expired anyway. Only the token's
 * SHA-256 is kept, never the token.
 */
const RevokedToken = model
  .define("ops_revoked_token", {
    id: model.id({ prefix: "rvtok" }).primaryKey(),
    token_hash: model.text(),
    actor_type: model.text(),
    actor_id: model.text(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["token_hash"], unique: true, where: "deleted_at IS NULL" }])

export default RevokedToken
