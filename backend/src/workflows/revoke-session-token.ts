import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { purgeExpiredRevocationsStep, revokeSessionTokenStep } from "./steps/revoke-session-token"

export type RevokeSessionTokenWorkflowInput = { token_hash: string; expires_at: Date; actor: AuditActor }

export const revokeSessionTokenWorkflowId = "ops-revoke-session-token"
/**
 * This workflow ends a bearer token at its holder's logout: from now on the
 * guard refuses it on every process. Expired revocations are forgotten on the way.
 */
export const revokeSessionTokenWorkflow = createWorkflow(
  revokeSessionTokenWorkflowId,
  (input: WorkflowData<RevokeSessionTokenWorkflowInput>) => {
    purgeExpiredRevocationsStep()
    const revoked = revokeSessionTokenStep(
      transform({ input }, ({ input }) => ({
        token_hash: input.token_hash,
        expires_at: input.expires_at,
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
      })),
    )
    appendAuditEntryStep(
      transform({ input, revoked }, ({ input, revoked }) =>
        revoked.created
          ? {
              actor_type: input.actor.actor_type,
              actor_id: input.actor.actor_id,
              role: input.actor.role ?? null,
              action: "session.logged_out",
              entity_type: "session",
              entity_id: revoked.revocation.id,
              details: { expires_at: new Date(input.expires_at).toISOString() },
            }
          : null,
      ),
    )
    return new WorkflowResponse(
      transform({ revoked }, ({ revoked }) => ({ id: revoked.revocation.id, expires_at: revoked.revocation.expires_at })),
    )
  },
)
