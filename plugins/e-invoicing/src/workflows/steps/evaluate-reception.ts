import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { D } from "../../cfdi/money"
import { checkReceptionLines, conventionalPenalty, mexicoDate, receptionOutcome, type ReceptionLineRequest } from "../../delivery/rules"
import { contractOfOrder, einv } from "./load"

export type EvaluateReceptionStepInput = {
  shipment_id: string
  agency_id: string
  lines: (ReceptionLineRequest & { notes?: string | null; serials?: string[] | null })[]
}

export const evaluateReceptionStepId = "e-invoicing-evaluate-reception"
/**
 * This step plans a reception (read-only): the shipment must be the caller's
 * agency's and not received yet; every shipped line judged (accepted +
 * rejected = shipped); the outcome; the days late and the pena convencional
 * from the contract's rate and cap (earlier receptions' penalties count).
 */
export const evaluateReceptionStep = createStep(evaluateReceptionStepId, async (input: EvaluateReceptionStepInput, { container }) => {
  const service = einv(container)
  const [shipment] = await service.listShipments({ id: input.shipment_id, agency_id: input.agency_id }, { relations: ["lines"], take: 1 })
  if (!shipment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "El envío no existe o no es para tu dependencia.", "ENVIO_NO_EXISTE")
  }
  if (shipment.status !== "pending_reception") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Este envío ya se recibió; cada envío se recibe una sola vez.",
      "ENVIO_YA_RECIBIDO",
    )
  }
  const problems = checkReceptionLines(
    input.lines,
    shipment.lines.map((l) => ({ contract_line: l.contract_line, quantity: l.quantity })),
  )
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.map((p) => p.message).join(" "), problems[0].code)
  }
  const contract = await contractOfOrder(container, shipment.order_id, { agency_id: input.agency_id })
  const received_at = await service.now()
  const earlier = await service.listReceptions({ specific_contract_id: contract.contract_id }, { select: ["penalty_amount"] })
  const penalty = conventionalPenalty({
    terms: contract.penalties,
    contract_subtotal: contract.subtotal,
    already_applied: earlier.reduce((a, r) => a.plus(r.penalty_amount), new D(0)).toFixed(2),
    received_on: mexicoDate(received_at),
    in_force_on: mexicoDate(new Date(contract.in_force_at)),
    lines: input.lines.map((l) => ({
      terms: contract.lines.find((c) => c.line === l.contract_line)!,
      accepted_quantity: l.accepted_quantity,
    })),
  })
  return new StepResponse({
    shipment: { id: shipment.id, delivery_note: shipment.delivery_note },
    contract,
    received_at,
    outcome: receptionOutcome(input.lines),
    penalty,
    ordered: contract.lines.map((l) => ({ contract_line: l.line, quantity: l.quantity })),
    lines: input.lines.map((l) => ({
      contract_line: l.contract_line,
      shipped_quantity: shipment.lines.find((s) => s.contract_line === l.contract_line)!.quantity,
      accepted_quantity: l.accepted_quantity,
      rejected_quantity: l.rejected_quantity,
      notes: l.notes ?? null,
      serials: l.serials?.length ? l.serials : null,
    })),
    deltas: input.lines.map((l) => ({ contract_line: l.contract_line, accepted: l.accepted_quantity, rejected: l.rejected_quantity })),
  })
})
