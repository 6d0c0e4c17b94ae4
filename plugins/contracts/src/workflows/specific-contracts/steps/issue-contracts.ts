import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import { renderContractDocuments, type ContractData } from "../../../specific-contract"
import type { CreateSpecificContractWorkflowInput } from "../types"
import { specificContractRow, type CreateSpecificContractRecordStepInput } from "./create-specific-contract-record"
import { prepareContract, type PreparedContract } from "./prepare-specific-contract"

const svc = (c: { resolve: <T>(k: string) => T }) => c.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)

export const prepareSpecificContractsStepId = "contracts-prepare-specific-contracts"
/** This step prepares the contract of every supplier (read-only; see prepareSpecificContractStep). */
export const prepareSpecificContractsStep = createStep(
  prepareSpecificContractsStepId,
  async (inputs: CreateSpecificContractWorkflowInput[], { container }) => {
    const prepared: PreparedContract[] = []
    for (const input of inputs) {
      prepared.push(await prepareContract(container, input))
    }
    return new StepResponse(prepared)
  },
)

export const allocateContractNumbersStepId = "contracts-allocate-contract-numbers"
/**
 * This step takes one number per contract, in order, with the atomic
 * upsert of the sequence. Compensation gives them back newest first (each
 * only while it is still the last one handed out).
 */
export const allocateContractNumbersStep = createStep(
  allocateContractNumbersStepId,
  async (scopes: string[], { container }) => {
    const allocated: { scope: string; sequence: number; number: string }[] = []
    for (const scope of scopes) {
      const sequence = await svc(container).allocateNumber(scope)
      allocated.push({ scope, sequence, number: `${scope}-${String(sequence).padStart(5, "0")}` })
    }
    return new StepResponse(allocated, allocated)
  },
  async (allocated, { container }) => {
    for (const a of [...(allocated ?? [])].reverse()) {
      await svc(container).releaseNumber(a.scope, a.sequence)
    }
  },
)

export const renderContractsDocumentsStepId = "contracts-render-contracts-documents"
/** This step renders HTML and PDF of every numbered contract (pure computation). */
export const renderContractsDocumentsStep = createStep(
  renderContractsDocumentsStepId,
  async (input: { prepared: PreparedContract[]; numbers: string[] }) => {
    const out: Omit<CreateSpecificContractRecordStepInput, "record" | "issued_at">[] = []
    for (const [i, p] of input.prepared.entries()) {
      const data = { ...p.data, number: input.numbers[i] } as ContractData
      const rendered = await renderContractDocuments(p.template.body, data, new Date(p.issued_at))
      out.push({ data, html: rendered.html, pdf_base64: rendered.pdf.toString("base64"), hashes: rendered.hashes })
    }
    return new StepResponse(out)
  },
)

export const createSpecificContractRecordsStepId = "contracts-create-specific-contract-records"
/**
 * This step stores every contract pending signatures in one call (all or
 * none). Compensation deletes them (the database allows it while they are
 * not in force).
 */
export const createSpecificContractRecordsStep = createStep(
  createSpecificContractRecordsStepId,
  async (inputs: CreateSpecificContractRecordStepInput[], { container }) => {
    const rows = inputs.map(specificContractRow)
    const created = await svc(container).createSpecificContracts(rows)
    const out = created.map((c, i) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      supplier_id: c.supplier_id,
      total: inputs[i].data.totals.total,
      document_sha256: inputs[i].hashes.document_sha256,
    }))
    return new StepResponse(
      out,
      created.map((c) => c.id),
    )
  },
  async (ids, { container }) => {
    if (ids?.length) {
      await svc(container).deleteSpecificContracts(ids)
    }
  },
)
