import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { CATALOG_EVENTS } from "../catalog/events"
import { createFrameworkContractStep } from "./steps/create-framework-contract"
import { recordContractVersionStep } from "./steps/record-contract-version"
import { validateFrameworkContractStep } from "./steps/validate-framework-contract"
import type { CreateFrameworkContractInput } from "./types"

export type CreateFrameworkContractWorkflowInput = CreateFrameworkContractInput & {
  /** Who acts (audit ledger); the system when omitted. */
  actor?: AuditActor | null
}

export const createFrameworkContractWorkflowId = "framework-contracts-create-contract"
/**
 * This workflow registers a framework contract as a draft, with lots and
 * classified items, and records version 1 of its data sheet.
 */
export const createFrameworkContractWorkflow = createWorkflow(
  createFrameworkContractWorkflowId,
  (input: WorkflowData<CreateFrameworkContractWorkflowInput>) => {
    const validated = validateFrameworkContractStep(input)
    const contract = createFrameworkContractStep(validated)
    recordContractVersionStep(
      transform({ contract, input }, ({ contract, input }) => ({
        contract_id: contract.id,
        change: "alta",
        recorded_by: input.recorded_by ?? null,
      })),
    )
    appendAuditEntryStep(
      transform({ contract, input }, ({ contract, input }) =>
        auditDraft(input.actor, createFrameworkContractWorkflowId, {
          action: "framework_contract.created",
          entity_type: "framework_contract",
          entity_id: contract.id,
          after: { contract, lots: input.lots },
          details: {
            number: contract.number,
            lots: input.lots.length,
            items: input.lots.reduce((n, l) => n + l.items.length, 0),
          },
        }),
      ),
    )
    emitEventStep({
      eventName: CATALOG_EVENTS.CREATED,
      data: transform({ contract }, ({ contract }) => ({ contract_id: contract.id })),
    })
    return new WorkflowResponse(contract)
  },
)
