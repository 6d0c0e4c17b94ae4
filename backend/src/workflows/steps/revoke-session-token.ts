import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OPS_MODULE } from "../../modules/ops"
import type OpsModuleService from "../../modules/ops/service"

export type RevokeSessionTokenStepInput = { token_hash: string; actor_type: string; actor_id: string; expires_at: Date }

export const revokeSessionTokenStepId = "ops-revoke-session-token"
/** This step records a bearer token as ended (idempotent: a second logout with it changes nothing). */
export const revokeSessionTokenStep = createStep(
  revokeSessionTokenStepId,
  async (input: RevokeSessionTokenStepInput, { container }) => {
    const ops = container.resolve<OpsModuleService>(OPS_MODULE)
    const [existing] = await ops.listRevokedTokens({ token_hash: input.token_hash }, { take: 1 })
    if (existing) {
      return new StepResponse({ revocation: existing, created: false }, null)
    }
    const revocation = await ops.createRevokedTokens(input)
    return new StepResponse({ revocation, created: true }, revocation.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<OpsModuleService>(OPS_MODULE).deleteRevokedTokens(id)
    }
  },
)

export const purgeExpiredRevocationsStepId = "ops-purge-expired-revocations"
/** This step forgets revocations of tokens that have expired anyway (nothing to undo). */
export const purgeExpiredRevocationsStep = createStep(purgeExpiredRevocationsStepId, async (_: void, { container }) => {
  const ops = container.resolve<OpsModuleService>(OPS_MODULE)
  const expired = await ops.listRevokedTokens({ expires_at: { $lt: new Date() } }, { select: ["id"], take: 500 })
  if (expired.length) {
    await ops.deleteRevokedTokens(expired.map((r) => r.id))
  }
  return new StepResponse(expired.length)
})
