import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import type { ContractData, DocumentHashes } from "../../../specific-contract"

export type CreateSpecificContractRecordStepInput = {
  record: {
    agency_id: string
    agency_unit_id: string
    supplier_id: string
    framework_contract_id: string
    budget_key_id: string
    requisition_id: string | null
    agency_signer_person_id: string
    supplier_signer_person_id: string
    created_by_person_id: string
    parent_id?: string | null
    amendment_sequence?: number | null
  }
  data: ContractData
  html: string
  pdf_base64: string
  hashes: DocumentHashes
  issued_at: string
}

/**
 * The stored row of an issued contract (or amendment): pending signatures,
 * its data snapshot, documents and digests, amounts as exact decimal strings.
 */
export function specificContractRow(input: CreateSpecificContractRecordStepInput) {
  const d = input.data
  return {
    ...input.record,
    number: d.number,
    kind: d.kind,
    status: "pending_signatures" as const,
    template_code: d.template.code,
    template_version: d.template.version,
    data: d as unknown as Record<string, unknown>,
    ...input.hashes,
    html: input.html,
    pdf_base64: input.pdf_base64,
    // decimal strings, stored exactly (the DML types bigNumber input as number)
    subtotal: d.totals.subtotal as unknown as number,
    iva: d.totals.iva as unknown as number,
    total: d.totals.total as unknown as number,
    currency_code: "mxn",
    issued_at: new Date(input.issued_at),
  }
}

export const createSpecificContractRecordStepId = "contracts-create-specific-contract-record"
/**
 * This step stores the contract (or amendment) pending signatures, with its
 * data snapshot, documents and digests. Compensation deletes it (allowed by
 * the database only while it is not in force).
 */
export const createSpecificContractRecordStep = createStep(
  createSpecificContractRecordStepId,
  async (input: CreateSpecificContractRecordStepInput, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const row = specificContractRow(input)
    const created = await service.createSpecificContracts(row)
    return new StepResponse(
      {
        id: created.id,
        number: created.number,
        kind: input.data.kind,
        status: created.status,
        document_sha256: input.hashes.document_sha256,
      },
      created.id,
    )
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE).deleteSpecificContracts(id)
  },
)
