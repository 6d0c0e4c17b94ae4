import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "../steps/append-audit-entry"
import { SPECIFIC_CONTRACT_EVENTS } from "./events"
import { cancelSpecificContractStep, type CancelSpecificContractStepInput } from "./steps/cancel-specific-contract"

export type CancelSpecificContractWorkflowInput = CancelSpecificContractStepInput

export const cancelSpecificContractWorkflowId = "contracts-cancel-specific-contract"
/**
 * This workflow cancels a contract or amendment that is not in force yet,
 * with an audit entry. Hook `contractCancelled` lets the requisitions plugin
 * release the contract's share of the budget reservation in the same run.
 */
export const cancelSpecificContractWorkflow = createWorkflow(
  cancelSpecificContractWorkflowId,
  (input: WorkflowData<CancelSpecificContractWorkflowInput>) => {
    const cancelled = cancelSpecificContractStep(input)
    appendAuditEntryStep(
      transform({ input, cancelled }, ({ input, cancelled }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "specific_contract.cancelled",
        entity_type: "specific_contract",
        entity_id: cancelled.id,
        before: { status: cancelled.previous_status },
        after: { status: cancelled.status, reason: input.reason },
        details: { number: cancelled.number, reason: input.reason },
      })),
    )
    const contractCancelled = createHook(
      "contractCancelled",
      transform({ cancelled, input }, ({ cancelled, input }) => ({
        contract_id: cancelled.id,
        number: cancelled.number,
        actor: input.actor,
      })),
    )
    emitEventStep({
      eventName: SPECIFIC_CONTRACT_EVENTS.CANCELLED,
      data: transform({ cancelled }, ({ cancelled }) => ({ id: cancelled.id, number: cancelled.number })),
    })
    return new WorkflowResponse(cancelled, { hooks: [contractCancelled] })
  },
)
