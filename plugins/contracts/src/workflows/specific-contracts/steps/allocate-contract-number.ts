import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"

export type AllocateContractNumberStepInput = { scope: string; kind: "contract" | "amendment" }

export const allocateContractNumberStepId = "contracts-allocate-contract-number"
/**
 * This step takes the next number of a scope (`CE-SSA-2026` → 00001, …; a
 * contract's `…-CM` → 01, …) with one atomic upsert. Compensation gives the
 * number back when nobody took a later one, so a failed creation leaves no
 * gap in the usual case.
 */
export const allocateContractNumberStep = createStep(
  allocateContractNumberStepId,
  async (input: AllocateContractNumberStepInput, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const sequence = await service.allocateNumber(input.scope)
    const number =
      input.kind === "amendment"
        ? `${input.scope}${String(sequence).padStart(2, "0")}`
        : `${input.scope}-${String(sequence).padStart(5, "0")}`
    return new StepResponse({ number, sequence }, { scope: input.scope, sequence })
  },
  async (allocated, { container }) => {
    if (!allocated) {
      return
    }
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    await service.releaseNumber(allocated.scope, allocated.sequence)
  },
)
