import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"

export const markTemplateUsedStepId = "contracts-mark-template-used"
/**
 * This step marks a template version as used (from then on the database
 * refuses to delete it). Runs before the contract is stored; compensation
 * clears the mark only if this step set it and no contract uses the version.
 */
export const markTemplateUsedStep = createStep(
  markTemplateUsedStepId,
  async (input: { template_id: string; at: string }, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const template = await service.retrieveContractTemplate(input.template_id)
    if (template.used_at) {
      return new StepResponse(template.id, null)
    }
    await service.updateContractTemplates({ id: template.id, used_at: new Date(input.at) })
    return new StepResponse(template.id, template.id)
  },
  async (setId, { container }) => {
    if (!setId) {
      return
    }
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const template = await service.retrieveContractTemplate(setId)
    const users = await service.listSpecificContracts(
      { template_code: template.code, template_version: template.version },
      { select: ["id"], take: 1 },
    )
    if (!users.length) {
      await service.updateContractTemplates({ id: setId, used_at: null })
    }
  },
)
