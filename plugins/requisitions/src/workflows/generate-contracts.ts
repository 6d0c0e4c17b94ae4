import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "@tienda/contracts/modules/specific-contract"
import { appendAuditEntryStep, issueSpecificContractsWorkflow } from "@tienda/contracts/workflows"
import { REQUISITION_MODULE } from "../modules/requisition"
import { evaluateContractGenerationStep, type GenerateContractsInput } from "./steps/evaluate-contract-generation"
import { notifyContractPartiesStep } from "./steps/notify-contract-parties"
import { transitionRequisitionStep } from "./steps/transition-requisition"

export type GenerateRequisitionContractsWorkflowInput = GenerateContractsInput

export const generateRequisitionContractsWorkflowId = "requisitions-generate-requisition-contracts"

/**
 * This workflow generates the specific contracts of an approved requisition,
 * one per supplier (the only way a contract comes to exist) — or of a
 * requisition in `requires_competition` from the confirmed awards of its
 * competed lots (input `awards`, passed by the mini-competition plugin; the
 * winner's contract at the winning prices comes first, in the awards'
 * order; the requisition's reservation carries over): plan them from
 * the lines, move the requisition approved (or requires_competition) → contracted with a
 * guarded UPDATE (of parallel calls exactly one passes), issue every
 * contract in one sub-workflow (all or none), link them to the requisition,
 * record it, and tell each supplier's signer that a contract awaits them.
 */
export const generateRequisitionContractsWorkflow = createWorkflow(
  generateRequisitionContractsWorkflowId,
  (input: WorkflowData<GenerateRequisitionContractsWorkflowInput>) => {
    const plan = evaluateContractGenerationStep(input)
    transitionRequisitionStep(
      transform({ plan }, ({ plan }) => ({ id: plan.requisition.id, number: plan.requisition.number, from: plan.from, to: "contracted" })),
    )
    const contracts = issueSpecificContractsWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({ contracts: plan.contracts })),
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
        action: "requisition.contracts_generated",
        entity_type: "requisition",
        entity_id: plan.requisition.id,
        after: { status: "contracted", contracts: contracts.map((c) => c.id) },
        details: { number: plan.requisition.number, contracts: contracts.map((c) => c.number), awards: plan.awards.map((a) => a.number) },
      })),
    )
    notifyContractPartiesStep(
      transform({ contracts }, ({ contracts }) => ({
        template: "contract_awaits_signature" as const,
        contract_ids: contracts.map((c) => c.id),
      })),
    )
    return new WorkflowResponse(contracts)
  },
)
