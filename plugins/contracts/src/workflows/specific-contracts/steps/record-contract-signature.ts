import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import { invalid, SPECIFIC_CONTRACT_ERRORS as E } from "../../../specific-contract"

export type RecordContractSignatureStepInput = {
  contract_id: string
  number: string
  role: "agency_signer" | "supplier"
  person_id: string
  organization_id: string
  certificate_serial: string
  rfc: string
  subject_name: string
  signature: string
  payload_sha256: string
  document_sha256: string
  signed_at: string | Date
}

export const recordContractSignatureStepId = "contracts-record-contract-signature"
/**
 * This step stores a verified signature. One per side (unique index): a
 * concurrent second signature of the same side is refused here. Compensation
 * deletes it.
 */
export const recordContractSignatureStep = createStep(
  recordContractSignatureStepId,
  async (input: RecordContractSignatureStepInput, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const { number, ...row } = input
    try {
      const created = await service.createContractSignatures({ ...row, signed_at: new Date(input.signed_at) })
      return new StepResponse({ id: created.id, role: created.role, signed_at: created.signed_at }, created.id)
    } catch (e) {
      if (/unique|duplicate|already exists/i.test((e as Error).message)) {
        throw invalid(E.ALREADY_SIGNED, `El contrato ${number} ya tiene esa firma; no se firma dos veces.`)
      }
      throw e
    }
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE).deleteContractSignatures(id)
  },
)
