import { createOrderWorkflow, createRemoteLinkStep, updateOrderTaxLinesWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { commitBudgetWorkflow, releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { SPECIFIC_CONTRACT_MODULE } from "@tienda/contracts/modules/specific-contract"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { evaluateOrderReleaseStep, type OrderReleaseInput } from "./steps/evaluate-order-release"
import { notifyContractPartiesStep } from "./steps/notify-contract-parties"
import { transitionRequisitionStep } from "./steps/transition-requisition"

export type ReleaseContractOrderWorkflowInput = OrderReleaseInput

export const releaseContractOrderWorkflowId = "requisitions-release-contract-order"

/**
 * This workflow runs when a specific contract enters into force (both
 * e.firma signatures): commits the contract's total with IVA on the budget
 * key, drawn from the requisition's reservation (SICOP/SIAFF compromiso);
 * creates the contract's Medusa order with its IVA lines; links contract ↔ order; on the last
 * contract of the requisition, releases what is left of the reservation and
 * moves the requisition to `ordered`. Every step compensates itself, so a
 * fault leaves no commitment, order or link — and the contract does not
 * come into force (the sign workflow compensates too).
 */
export const releaseContractOrderWorkflow = createWorkflow(
  releaseContractOrderWorkflowId,
  (input: WorkflowData<ReleaseContractOrderWorkflowInput>) => {
    const plan = evaluateOrderReleaseStep(input)
    commitBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.commit) })
    const order = createOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.order as never) })
    // the region computes no taxes on carts (requisitions price themselves); the order's IVA lines
    // come from the México tax region's provider (tp_iva_iva), forced here
    updateOrderTaxLinesWorkflow.runAsStep({
      input: transform({ order }, ({ order }) => ({ order_id: order.id, force_tax_calculation: true })),
    })
    createRemoteLinkStep(
      transform({ plan, order }, ({ plan, order }) => [
        { [SPECIFIC_CONTRACT_MODULE]: { specific_contract_id: plan.contract.id }, [Modules.ORDER]: { order_id: order.id } },
      ]),
    ).config({ name: "link-contract-order" })
    when("release-rest-of-reservation", { plan }, ({ plan }) => !!plan.release_rest).then(() => {
      releaseBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.release_rest!) })
    })
    when("requisition-ordered", { plan }, ({ plan }) => plan.last).then(() => {
      transitionRequisitionStep(
        transform({ plan }, ({ plan }) => ({
          id: plan.requisition.id,
          number: plan.requisition.number,
          from: ["contracted"],
          to: "ordered",
        })),
      )
    })
    appendAuditEntryStep(
      transform({ input, plan, order }, ({ input, plan, order }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role,
        action: "specific_contract.order_released",
        entity_type: "specific_contract",
        entity_id: plan.contract.id,
        after: { order_id: order.id, committed: plan.commit.amount },
        details: { number: plan.contract.number, requisition: plan.requisition.number, order_id: order.id, committed: plan.commit.amount },
      })),
    )
    notifyContractPartiesStep(
      transform({ plan, order }, ({ plan, order }) => ({
        template: "order_released" as const,
        contract_ids: [plan.contract.id],
        order: String((order as { display_id?: number }).display_id ?? order.id),
      })),
    )
    return new WorkflowResponse(
      transform({ plan, order }, ({ plan, order }) => ({
        contract_id: plan.contract.id,
        order_id: order.id,
        committed: plan.commit.amount,
      })),
    )
  },
)
