import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { releaseBudgetWorkflow } from "@tienda/budget/workflows"
import { evaluateContractCancellationStep, type ContractCancelledInput } from "./steps/evaluate-contract-cancellation"
import { transitionRequisitionStep } from "./steps/transition-requisition"

export const releaseCancelledContractWorkflowId = "requisitions-release-cancelled-contract"

/**
 * This workflow runs when a contract is cancelled before signature: it
 * releases the contract's share of the requisition's reservation; when no
 * contract of the requisition is left, it releases the rest and cancels the
 * requisition.
 */
export const releaseCancelledContractWorkflow = createWorkflow(
  releaseCancelledContractWorkflowId,
  (input: WorkflowData<ContractCancelledInput>) => {
    const plan = evaluateContractCancellationStep(input)
    when("release-contract-share", { plan }, ({ plan }) => !!plan?.release).then(() => {
      releaseBudgetWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan!.release!) })
    })
    when("cancel-requisition", { plan }, ({ plan }) => !!plan?.last).then(() => {
      transitionRequisitionStep(
        transform({ plan }, ({ plan }) => ({
          id: plan!.requisition.id,
          number: plan!.requisition.number,
          from: ["contracted"],
          to: "cancelled",
        })),
      )
    })
    return new WorkflowResponse(plan)
  },
)
