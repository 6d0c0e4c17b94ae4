import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntriesStep } from "@tienda/organizations/audit"
import { SPECIFIC_CONTRACT_EVENTS } from "./events"
import {
  allocateContractNumbersStep,
  createSpecificContractRecordsStep,
  prepareSpecificContractsStep,
  renderContractsDocumentsStep,
} from "./steps/issue-contracts"
import { markTemplateUsedStep } from "./steps/mark-template-used"
import type { CreateSpecificContractWorkflowInput } from "./types"

export type IssueSpecificContractsWorkflowInput = { contracts: CreateSpecificContractWorkflowInput[] }

export const issueSpecificContractsWorkflowId = "contracts-issue-specific-contracts"
/**
 * This workflow issues the specific contracts of one approved requisition,
 * one per supplier, all or none: prepare every contract (read-only), take
 * their numbers, render their documents, store them pending signatures, and
 * record them in the audit ledger. Each step compensates itself, so a fault
 * with any supplier leaves no contract, number or audit entry of the others.
 */
export const issueSpecificContractsWorkflow = createWorkflow(
  issueSpecificContractsWorkflowId,
  (input: WorkflowData<IssueSpecificContractsWorkflowInput>) => {
    const prepared = prepareSpecificContractsStep(transform({ input }, ({ input }) => input.contracts))
    const allocated = allocateContractNumbersStep(transform({ prepared }, ({ prepared }) => prepared.map((p) => p.scope)))
    const rendered = renderContractsDocumentsStep(
      transform({ prepared, allocated }, ({ prepared, allocated }) => ({ prepared, numbers: allocated.map((a) => a.number) })),
    )
    markTemplateUsedStep(transform({ prepared }, ({ prepared }) => ({ template_id: prepared[0].template.id, at: prepared[0].issued_at })))
    const contracts = createSpecificContractRecordsStep(
      transform({ prepared, rendered }, ({ prepared, rendered }) =>
        prepared.map((p, i) => ({ record: p.record, issued_at: p.issued_at, ...rendered[i] })),
      ),
    )
    appendAuditEntriesStep(
      transform({ input, contracts }, ({ input, contracts }) =>
        contracts.map((c, i) => ({
          actor_type: input.contracts[i].actor.actor_type,
          actor_id: input.contracts[i].actor.actor_id,
          role: input.contracts[i].actor.role,
          action: "specific_contract.created",
          entity_type: "specific_contract",
          entity_id: c.id,
          before: null,
          after: { id: c.id, number: c.number, status: c.status, document_sha256: c.document_sha256 },
          details: {
            number: c.number,
            document_sha256: c.document_sha256,
            total: c.total,
            requisition_id: input.contracts[i].requisition_id,
          },
        })),
      ),
    )
    emitEventStep({
      eventName: SPECIFIC_CONTRACT_EVENTS.CREATED,
      data: transform({ contracts, input }, ({ contracts, input }) =>
        contracts.map((c, i) => ({
          id: c.id,
          number: c.number,
          kind: "contract",
          agency_id: input.contracts[i].agency_id,
          supplier_id: c.supplier_id,
        })),
      ),
    })
    return new WorkflowResponse(contracts)
  },
)
