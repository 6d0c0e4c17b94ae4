import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import { contractNotFound, invalid, SPECIFIC_CONTRACT_ERRORS as E } from "../../../specific-contract"
import type { ContractActor } from "../types"

export type CancelSpecificContractStepInput = { contract_id: string; reason: string; actor: ContractActor; at?: string | null }

export const cancelSpecificContractStepId = "contracts-cancel-specific-contract"
/**
 * This step cancels a contract or amendment of the caller's agency that is
 * not in force yet (a contract in force ends by rescission or termination,
 * not here). Compensation puts the previous status back.
 */
export const cancelSpecificContractStep = createStep(
  cancelSpecificContractStepId,
  async (input: CancelSpecificContractStepInput, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [c] = await service.listSpecificContracts({ id: input.contract_id }, { take: 1 })
    if (!c || c.agency_id !== input.actor.organization_id) {
      throw contractNotFound()
    }
    if (!["draft", "pending_signatures", "partially_signed"].includes(c.status)) {
      throw invalid(
        E.NOT_CANCELLABLE,
        c.status === "in_force"
          ? `El contrato ${c.number} está en vigor; ya no se cancela (procede la rescisión o la terminación anticipada).`
          : `El contrato ${c.number} ya está cancelado.`,
      )
    }
    const at = input.at ? new Date(input.at) : new Date()
    await service.updateSpecificContracts({ id: c.id, status: "cancelled", cancelled_at: at, cancellation_reason: input.reason })
    return new StepResponse(
      { id: c.id, number: c.number, previous_status: c.status, status: "cancelled" as const },
      { id: c.id, previous_status: c.status },
    )
  },
  async (prev, { container }) => {
    if (!prev) {
      return
    }
    await container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE).updateSpecificContracts({
      id: prev.id,
      status: prev.previous_status as "pending_signatures",
      cancelled_at: null,
      cancellation_reason: null,
    })
  },
)
