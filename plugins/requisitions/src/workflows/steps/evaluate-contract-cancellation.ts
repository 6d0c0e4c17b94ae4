import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE, type BudgetModuleService } from "@tienda/budget/modules/budget"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"
import { rq } from "./service"

export type ContractCancelledInput = { contract_id: string; actor_id: string }

export const evaluateContractCancellationStepId = "requisitions-evaluate-contract-cancellation"

/**
 * This step plans (read-only) what a contract cancelled before signature
 * gives back: its share of the requisition's reservation (its total with
 * IVA, at most what is left), or all that is left when no other contract of
 * the requisition is alive — then the requisition is cancelled too.
 */
export const evaluateContractCancellationStep = createStep(
  evaluateContractCancellationStepId,
  async (input: ContractCancelledInput, { container }) => {
    const contracts = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [c] = await contracts.listSpecificContracts({ id: input.contract_id }, { take: 1 })
    const [r] =
      c?.requisition_id && c.kind === "contract" ? await rq(container).listRequisitions({ id: c.requisition_id }, { take: 1 }) : []
    if (!c || !r || !r.reservation_id) {
      return new StepResponse(null)
    }
    const alive = await contracts.listSpecificContracts(
      { requisition_id: r.id, kind: "contract", id: { $ne: c.id }, status: { $ne: "cancelled" } },
      { select: ["id"], take: 1 },
    )
    const remaining = MathBN.convert(await container.resolve<BudgetModuleService>(BUDGET_MODULE).remainingOf(r.reservation_id))
    const share = MathBN.min(remaining, MathBN.convert(String(c.total)))
    const amount = alive.length ? share : remaining
    return new StepResponse({
      requisition: { id: r.id, number: r.number },
      last: !alive.length,
      release: amount.gt(0)
        ? {
            budget_key_id: r.budget_key_id,
            organization_id: r.organization_id,
            amount: amount.toFixed(2),
            parent_id: r.reservation_id,
            reference_type: "contract" as const,
            reference_id: c.id,
            idempotency_key: `specific_contract:${c.id}:liberacion`,
            actor_id: input.actor_id,
          }
        : null,
    })
  },
)
