import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BUDGET_MODULE, type BudgetModuleService } from "@tienda/budget/modules/budget"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"

export type AmendmentCommitmentInput = {
  amendment_id: string
  actor: { actor_type: string; actor_id: string; person_id: string; role: string | null }
}

export const evaluateAmendmentCommitmentStepId = "requisitions-evaluate-amendment-commitment"

/**
 * This step plans (read-only) how a convenio modificatorio entering into
 * force moves the commitment of its contract: by the difference between its
 * total with IVA and that of the version it replaces (the latest amendment
 * in force before it, else the contract). An increase is committed from
 * the key's disponible (refused with FONDOS_INSUFICIENTES when the key
 * cannot cover it — then the amendment does not come into force); a
 * decrease is released from the contract's commitment. Amendments of
 * contracts that never committed budget (not from a requisition) move
 * nothing.
 */
export const evaluateAmendmentCommitmentStep = createStep(
  evaluateAmendmentCommitmentStepId,
  async (input: AmendmentCommitmentInput, { container }) => {
    const contracts = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [a] = await contracts.listSpecificContracts({ id: input.amendment_id, kind: "amendment" }, { take: 1 })
    const [parent] = a?.parent_id ? await contracts.listSpecificContracts({ id: a.parent_id, kind: "contract" }, { take: 1 }) : []
    if (!a || !parent || !parent.requisition_id) {
      return new StepResponse(null)
    }
    const budget = container.resolve<BudgetModuleService>(BUDGET_MODULE)
    const [commitment] = await budget.listBudgetMovements({ idempotency_key: `specific_contract:${parent.id}:compromiso` }, { take: 1 })
    if (!commitment) {
      return new StepResponse(null)
    }
    const earlier = (await contracts.listSpecificContracts({ parent_id: parent.id, status: "in_force", id: { $ne: a.id } }, { take: null }))
      .filter((x) => (x.amendment_sequence ?? 0) < (a.amendment_sequence ?? 0))
      .sort((x, y) => (y.amendment_sequence ?? 0) - (x.amendment_sequence ?? 0))[0]
    const previous = MathBN.convert(String((earlier ?? parent).total))
    const delta = MathBN.convert(String(a.total)).minus(previous)
    const base = {
      budget_key_id: parent.budget_key_id,
      organization_id: parent.agency_id,
      reference_type: "contract" as const,
      reference_id: parent.id,
      actor_id: input.actor.person_id,
      metadata: { amendment_id: a.id, amendment_number: a.number },
    }
    return new StepResponse({
      amendment: { id: a.id, number: a.number, total: MathBN.convert(String(a.total)).toFixed(2) },
      contract: { id: parent.id, number: parent.number },
      previous_total: previous.toFixed(2),
      delta: delta.toFixed(2),
      commit: delta.gt(0)
        ? { ...base, amount: delta.toFixed(2), parent_id: null, idempotency_key: `specific_contract:${a.id}:compromiso` }
        : null,
      release: delta.lt(0)
        ? { ...base, amount: delta.abs().toFixed(2), parent_id: commitment.id, idempotency_key: `specific_contract:${a.id}:liberacion` }
        : null,
    })
  },
)
