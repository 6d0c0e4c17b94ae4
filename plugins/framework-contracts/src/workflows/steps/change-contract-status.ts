import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ContractStatus } from "../types"
import { fc, invalid, notFound } from "./service"

export type ChangeContractStatusStepInput = { contract_id: string; status: ContractStatus }

const ALLOWED: Record<ContractStatus, ContractStatus[]> = {
  draft: ["published"],
  published: ["suspended", "expired"],
  suspended: ["published", "expired"],
  expired: [],
}

const LABEL: Record<ContractStatus, string> = {
  draft: "borrador",
  published: "publicado",
  suspended: "suspendido",
  expired: "vencido",
}

export const changeContractStatusStepId = "framework-contracts-change-status"
/**
 * This step moves a framework contract along draft → published ⇄ suspended →
 * expired. Publishing needs at least one item.
 */
export const changeContractStatusStep = createStep(
  changeContractStatusStepId,
  async (input: ChangeContractStatusStepInput, { container }) => {
    const service = fc(container)
    const [contract] = await service.listFrameworkContracts({ id: input.contract_id }, { relations: ["lots", "lots.items"], take: 1 })
    if (!contract) {
      notFound("CONTRATO_MARCO_NO_EXISTE", `El contrato marco ${input.contract_id} no existe.`)
    }
    const from = contract.status as ContractStatus
    if (!ALLOWED[from].includes(input.status)) {
      invalid("TRANSICION_NO_PERMITIDA", `No se puede pasar un contrato marco de «${LABEL[from]}» a «${LABEL[input.status]}».`)
    }
    if (input.status === "published" && !contract.lots.some((l) => l.items.length)) {
      invalid("CONTRATO_SIN_ARTICULOS", "No se puede publicar un contrato marco sin artículos.")
    }
    const updated = await service.updateFrameworkContracts({ id: contract.id, status: input.status })
    return new StepResponse(updated, { id: contract.id, status: from })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await fc(container).updateFrameworkContracts(previous)
  },
)
