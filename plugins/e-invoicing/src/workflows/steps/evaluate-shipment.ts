import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkShipmentLines, type ShipmentLineRequest } from "../../delivery/rules"
import { contractOfOrder, einv, tallyOf } from "./load"

export type EvaluateShipmentStepInput = {
  order_id: string
  supplier_id: string
  delivery_note: string
  lines: ShipmentLineRequest[]
}

export const evaluateShipmentStepId = "e-invoicing-evaluate-shipment"
/**
 * This step plans a shipment (read-only): the order must be the supplier's,
 * released by a contract in force; each line a contract line with units
 * still to deliver. Refusals name the first problem (400, nothing written).
 */
export const evaluateShipmentStep = createStep(evaluateShipmentStepId, async (input: EvaluateShipmentStepInput, { container }) => {
  const contract = await contractOfOrder(container, input.order_id, { supplier_id: input.supplier_id })
  const problems = checkShipmentLines(input.lines, contract.lines, await tallyOf(container, input.order_id))
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((p) => p.message).join(" "), problems[0].code)
  }
  const shipped_at = await einv(container).now()
  return new StepResponse({
    contract,
    shipped_at,
    ordered: contract.lines.map((l) => ({ contract_line: l.line, quantity: l.quantity })),
    lines: input.lines.map((r) => ({
      contract_line: r.contract_line,
      quantity: r.quantity,
      description: contract.lines.find((l) => l.line === r.contract_line)!.description,
    })),
    deltas: input.lines.map((r) => ({ contract_line: r.contract_line, shipped: r.quantity })),
  })
})
