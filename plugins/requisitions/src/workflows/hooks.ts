import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { adjustAmendmentCommitmentWorkflow } from "./adjust-amendment-commitment"
import { releaseCancelledContractWorkflow } from "./release-cancelled-contract"
import { releaseContractOrderWorkflow } from "./release-contract-order"

type InForceHookInput = {
  became_in_force: boolean
  contract: { id: string; kind: string }
  signer: { actor_type: string; actor_id: string; person_id: string; role: string | null }
}

/**
 * Handler of the contracts plugin's sign workflow hook `contractInForce`
 * (registered by the app, backend/src/workflows/hooks): when a contract
 * enters into force, check the supplier, commit the budget and release the
 * order — in the signing request, so a failure leaves the contract
 * unsigned by this party. A convenio modificatorio entering into force
 * moves its contract's commitment by the change of its total.
 */
export async function onContractInForce(input: InForceHookInput, { container }: { container: MedusaContainer }) {
  if (!input.became_in_force) {
    return new StepResponse(null)
  }
  if (input.contract.kind === "amendment") {
    // the amendment's budget movements compensate inside their own workflow; the hook answers nothing
    await adjustAmendmentCommitmentWorkflow(container).run({ input: { amendment_id: input.contract.id, actor: input.signer } })
    return new StepResponse(null)
  }
  if (input.contract.kind !== "contract") {
    return new StepResponse(null)
  }
  const { result } = await releaseContractOrderWorkflow(container).run({
    input: { contract_id: input.contract.id, actor: input.signer },
  })
  return new StepResponse(result)
}

/** Handler of the cancel workflow hook `contractCancelled`: give back the contract's share of the reservation. */
export async function onContractCancelled(
  input: { contract_id: string; actor: { person_id: string } },
  { container }: { container: MedusaContainer },
) {
  const { result } = await releaseCancelledContractWorkflow(container).run({
    input: { contract_id: input.contract_id, actor_id: input.actor.person_id },
  })
  return new StepResponse(result)
}
