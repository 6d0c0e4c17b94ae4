import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export type CreateShipmentStepInput = {
  order_id: string
  specific_contract_id: string
  supplier_id: string
  agency_id: string
  delivery_note: string
  shipped_at: Date
  created_by_person_id: string
  lines: { contract_line: number; quantity: number; description: string }[]
}

export const createShipmentStepId = "e-invoicing-create-shipment"
/** This step stores the shipment and its lines. Compensation deletes them. */
export const createShipmentStep = createStep(
  createShipmentStepId,
  async (input: CreateShipmentStepInput, { container }) => {
    const service = einv(container)
    const { lines, ...header } = input
    const shipment = await service.createShipments({ ...header, status: "pending_reception" })
    const created = await service.createShipmentLines(lines.map((l) => ({ ...l, shipment_id: shipment.id })))
    return new StepResponse({ ...shipment, lines: created }, shipment.id)
  },
  async (id, { container }) => {
    if (id) {
      const service = einv(container)
      const lines = await service.listShipmentLines({ shipment_id: id }, { select: ["id"] })
      await service.deleteShipmentLines(lines.map((l) => l.id))
      await service.deleteShipments(id)
    }
  },
)
