import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type CreateReceptionStepInput = {
  shipment_id: string
  order_id: string
  specific_contract_id: string
  supplier_id: string
  agency_id: string
  unit_id: string | null
  outcome: "full" | "partial" | "rejected"
  notes: string | null
  received_at: Date
  received_by_person_id: string
  days_late: number
  penalty_amount: string
  penalty: Record<string, unknown>
  lines: {
    contract_line: number
    shipped_quantity: number
    accepted_quantity: number
    rejected_quantity: number
    notes: string | null
    serials: string[] | null
  }[]
}

export const createReceptionStepId = "e-invoicing-create-reception"
/**
 * This step stores the reception and its lines and marks the shipment
 * received. One reception per shipment is a unique index: of two concurrent
 * receptions of one shipment one fails here. Compensation deletes the
 * reception and reopens the shipment.
 */
export const createReceptionStep = createStep(
  createReceptionStepId,
  async (input: CreateReceptionStepInput, { container }) => {
    const service = einv(container)
    const { lines, ...header } = input
    const reception = await service.createReceptions(header)
    const created = await service.createReceptionLines(lines.map((l) => ({ ...l, reception_id: reception.id })))
    await service.updateShipments({ id: input.shipment_id, status: "received" })
    return new StepResponse({ ...reception, lines: created }, { id: reception.id, shipment_id: input.shipment_id })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = einv(container)
    const lines = await service.listReceptionLines({ reception_id: undo.id }, { select: ["id"] })
    await service.deleteReceptionLines(lines.map((l) => l.id))
    await service.deleteReceptions(undo.id)
    await service.updateShipments({ id: undo.shipment_id, status: "pending_reception" })
  },
)
