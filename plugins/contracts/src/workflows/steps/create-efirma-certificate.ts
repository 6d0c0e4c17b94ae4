import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { EFIRMA_MODULE } from "../../modules/efirma"
import type EfirmaModuleService from "../../modules/efirma/service"
import type { EfirmaCertificateToRegister } from "./validate-efirma-certificate"

export const createEfirmaCertificateStepId = "contracts-create-efirma-certificate"
/**
 * This step stores a validated certificate as active. Compensation
 * soft-deletes the row it created (the registry refuses DELETE: retention).
 */
export const createEfirmaCertificateStep = createStep(
  createEfirmaCertificateStepId,
  async (input: EfirmaCertificateToRegister, { container }) => {
    const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
    const created = await service.createEfirmaCertificates({
      ...input,
      status: "active",
      registered_at: new Date(),
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
    await service.softDeleteEfirmaCertificates(id)
  },
)
