import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type AttachLoginToActorStepInput = {
  authIdentityId: string
  actorType: string
  actorId: string
}

async function detach(auth: IAuthModuleService, id: string, key: string): Promise<void> {
  const [identity] = await auth.listAuthIdentities({ id: [id] })
  if (!identity) {
    // The login itself was already removed by its own compensation.
    return
  }
  const appMetadata = { ...(identity.app_metadata ?? {}) }
  delete appMetadata[key]
  await auth.updateAuthIdentities({ id, app_metadata: appMetadata })
}

export const attachLoginToActorStepId = "organizations-attach-login-to-actor"
/**
 * This step records the actor in the login's app metadata (`<actor>_id`),
 * which is what Medusa puts in the session token. Its compensation tolerates
 * a login that has already been deleted, whatever order compensations run in.
 */
export const attachLoginToActorStep = createStep(
  attachLoginToActorStepId,
  async (input: AttachLoginToActorStepInput, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const identity = await auth.retrieveAuthIdentity(input.authIdentityId)
    const key = `${input.actorType}_id`
    const appMetadata = { ...(identity.app_metadata ?? {}) }
    if (appMetadata[key]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Este acceso ya está vinculado a otra cuenta del mismo tipo.",
        "ACCESO_YA_VINCULADO",
      )
    }
    appMetadata[key] = input.actorId
    await auth.updateAuthIdentities({ id: identity.id, app_metadata: appMetadata })
    return new StepResponse({ id: identity.id }, { id: identity.id, key })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await detach(container.resolve<IAuthModuleService>(Modules.AUTH), undo.id, undo.key)
  },
)
