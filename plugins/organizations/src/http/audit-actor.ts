import type { AuditActor } from "../audit/actor"
import type { AuthorizedRequest } from "./authorize"

/**
 * The caller as the audit ledger names them: Medusa auth actor type and id,
 * and the codes of the roles they hold now (comma-separated).
 */
export function auditActorOf(req: Pick<AuthorizedRequest, "access" | "auth_context">): AuditActor {
  const { access, auth_context } = req
  return {
    actor_type: auth_context.actor_type,
    actor_id: auth_context.actor_id,
    role: [...new Set(access.roles.map((r) => r.role))].join(",") || null,
  }
}
