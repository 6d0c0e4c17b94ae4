import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"

export const settleContractStatusStepId = "contracts-settle-contract-status"
/**
 * This step moves the contract to partially_signed or in_force from the
 * signatures it has, under a row lock (exactly one caller sees it come into
 * force). Compensation puts the previous status back if nothing moved since.
 */
export const settleContractStatusStep = createStep(
  settleContractStatusStepId,
  async (input: { contract_id: string; at: string | Date }, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const settled = await service.settleSignatureStatus(input.contract_id, new Date(input.at))
    return new StepResponse(settled, { contract_id: input.contract_id, ...settled })
  },
  async (settled, { container }) => {
    if (!settled || settled.previous_status === settled.status) {
      return
    }
    await container
      .resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
      .restoreStatus(settled.contract_id, settled.status, settled.previous_status)
  },
)
