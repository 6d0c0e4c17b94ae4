import type { IAuthModuleService } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type RegisterLoginStepInput = {
  email: string
  password: string
}

export const registerLoginStepId = "organizations-register-login"
/**
 * This step creates the e-mail/password login (auth identity) of a person.
 */
export const registerLoginStep = createStep(
  registerLoginStepId,
  async (input: RegisterLoginStepInput, { container }) => {
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    const { success, authIdentity, error } = await auth.register("emailpass", {
      body: { email: input.email, password: input.password },
    })
    if (!success || !authIdentity) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No se pudo crear el acceso para ${input.email}: ${error ?? "la identidad ya existe"}.`,
        "ACCESO_NO_CREADO",
      )
    }
    return new StepResponse({ id: authIdentity.id }, authIdentity.id)
  },
  async (authIdentityId, { container }) => {
    if (!authIdentityId) {
      return
    }
    const auth = container.resolve<IAuthModuleService>(Modules.AUTH)
    await auth.deleteAuthIdentities([authIdentityId])
  },
)
