import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "@tienda/contracts/modules/specific-contract"
import { appendAuditEntryStep, cancelSpecificContractStep, issueSpecificContractsWorkflow } from "@tienda/contracts/workflows"
import { REQUISITION_MODULE } from "../modules/requisition"
import { evaluateContractRerouteStep, type RerouteContractInput } from "./steps/evaluate-contract-reroute"
import { notifyContractPartiesStep } from "./steps/notify-contract-parties"

export type RerouteRequisitionContractWorkflowInput = RerouteContractInput

export const rerouteRequisitionContractWorkflowId = "requisitions-reroute-requisition-contract"

/**
 * This workflow re-routes a contract whose supplier was sanctioned or
 * un-enrolled before the contract came into force: under the requisition's
 * lock, plan (next eligible supplier, same lines), cancel the unsigned
 * contract — with the contracts' cancel step, not its workflow, so the
 * `contractCancelled` hook does not release the reservation: the
 * requisition's reservation is kept for the new contract — issue the new
 * contract (all-or-none sub-workflow), link it to the requisition, record
 * it and tell the new supplier's signer. Every step compensates itself: a
 * fault leaves the old contract as it was and no new one.
 */
export const rerouteRequisitionContractWorkflow = createWorkflow(
  rerouteRequisitionContractWorkflowId,
  (input: WorkflowData<RerouteRequisitionContractWorkflowInput>) => {
    const lock = transform({ input }, ({ input }) => ({ key: `requisition:${input.requisition_id}`, timeout: 60, ttl: 120 }))
    acquireLockStep(lock)
    const plan = evaluateContractRerouteStep(input)
    const cancelled = cancelSpecificContractStep(transform({ plan }, ({ plan }) => plan.cancel))
    appendAuditEntryStep(
      transform({ plan, cancelled }, ({ plan, cancelled }) => ({
        actor_type: plan.cancel.actor.actor_type,
        actor_id: plan.cancel.actor.actor_id,
        role: plan.cancel.actor.role,
        action: "specific_contract.cancelled",
        entity_type: "specific_contract",
        entity_id: cancelled.id,
        before: { status: cancelled.previous_status },
        after: { status: cancelled.status, reason: plan.cancel.reason },
        details: { number: cancelled.number, reason: plan.cancel.reason, reservation_kept: true },
      })),
    ).config({ name: "audit-contract-cancelled" })
    const contracts = issueSpecificContractsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ contracts: [plan.contract] })),
    })
    createRemoteLinkStep(
      transform({ plan, contracts }, ({ plan, contracts }) =>
        contracts.map((c) => ({
          [REQUISITION_MODULE]: { requisition_id: plan.requisition.id },
          [SPECIFIC_CONTRACT_MODULE]: { specific_contract_id: c.id },
        })),
      ),
    )
    appendAuditEntryStep(
      transform({ input, plan, contracts }, ({ input, plan, contracts }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "requisition.contract_rerouted",
        entity_type: "requisition",
        entity_id: plan.requisition.id,
        before: { contract: plan.previous.id, supplier_id: plan.previous.supplier_id },
        after: { contract: contracts[0].id, supplier_id: plan.contract.supplier_id },
        details: {
          number: plan.requisition.number,
          from: plan.previous.number,
          to: contracts[0].number,
          reason: plan.previous.reason_code,
        },
      })),
    ).config({ name: "audit-contract-rerouted" })
    notifyContractPartiesStep(
      transform({ contracts }, ({ contracts }) => ({
        template: "contract_awaits_signature" as const,
        contract_ids: contracts.map((c) => c.id),
      })),
    )
    releaseLockStep(lock)
    return new WorkflowResponse(
      transform({ plan, contracts }, ({ plan, contracts }) => ({ cancelled: plan.previous, contract: contracts[0] })),
    )
  },
)
