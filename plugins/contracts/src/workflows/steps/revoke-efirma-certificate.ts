import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { efirmaError, EFIRMA_ERRORS } from "../../errors"
import { EFIRMA_MODULE } from "../../modules/efirma"
import type EfirmaModuleService from "../../modules/efirma/service"

export type RevokeEfirmaCertificateStepInput = {
  certificate_id: string
  /** When set, the certificate must belong to this person (self-service). */
  person_id?: string | null
  reason: string
}

export const revokeEfirmaCertificateStepId = "contracts-revoke-efirma-certificate"
/**
 * This step marks a registered certificate as revoked (it stays in the
 * registry). Compensation restores the previous status.
 */
export const revokeEfirmaCertificateStep = createStep(
  revokeEfirmaCertificateStepId,
  async (input: RevokeEfirmaCertificateStepInput, { container }) => {
    const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
    const [cert] = await service.listEfirmaCertificates({ id: input.certificate_id }, { take: 1 })
    if (!cert || (input.person_id && cert.person_id !== input.person_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `No existe el certificado ${input.certificate_id} entre tus certificados registrados.`,
        EFIRMA_ERRORS.CERTIFICADO_NO_ENCONTRADO,
      )
    }
    if (cert.status === "revoked") {
      throw efirmaError(EFIRMA_ERRORS.CERTIFICADO_REVOCADO, `El certificado ${cert.serial} ya estaba revocado.`)
    }
    const updated = await service.updateEfirmaCertificates({
      id: cert.id,
      status: "revoked",
      revoked_at: new Date(),
      revocation_reason: input.reason,
    })
    return new StepResponse(
      { before: cert, after: updated },
      { id: cert.id, status: cert.status, revoked_at: cert.revoked_at, revocation_reason: cert.revocation_reason },
    )
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
    await service.updateEfirmaCertificates(previous)
  },
)
