import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TallyDelta } from "../../modules/e-invoice/service"
import { einv } from "./load"

export type ApplyTallyStepInput = {
  order_id: string
  specific_contract_id: string
  /** The order's lines (to create the tally at the first shipment). */
  ordered: { contract_line: number; quantity: number }[]
  deltas: TallyDelta[]
}

const negate = (d: TallyDelta): TallyDelta => ({
  contract_line: d.contract_line,
  shipped: -(d.shipped ?? 0),
  accepted: -(d.accepted ?? 0),
  rejected: -(d.rejected ?? 0),
  invoiced: -(d.invoiced ?? 0),
})

export const applyTallyStepId = "e-invoicing-apply-delivery-tally"
/**
 * This step adds a shipment's, reception's or invoice's quantities to the
 * order's running totals in one guarded UPDATE: the database's CHECKs refuse
 * anything that would exceed the order (also against a concurrent request),
 * and nothing is written then. Compensation takes the quantities back.
 */
export const applyTallyStep = createStep(
  applyTallyStepId,
  async (input: ApplyTallyStepInput, { container }) => {
    const service = einv(container)
    await service.ensureTally(input.order_id, input.specific_contract_id, input.ordered)
    await service.applyTally(input.order_id, input.deltas)
    return new StepResponse(input.deltas, { order_id: input.order_id, deltas: input.deltas })
  },
  async (undo, { container }) => {
    if (undo) {
      await einv(container).applyTally(undo.order_id, undo.deltas.map(negate))
    }
  },
)
