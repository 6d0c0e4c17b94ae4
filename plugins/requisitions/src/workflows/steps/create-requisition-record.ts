import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dec, rq } from "./service"
import type { PreparedRequisition } from "./prepare-requisition"

export const createRequisitionRecordStepId = "requisitions-create-requisition-record"
/** This step stores a draft requisition with its lines. */
export const createRequisitionRecordStep = createStep(
  createRequisitionRecordStepId,
  async (input: PreparedRequisition, { container }) => {
    const service = rq(container)
    const created = await service.createRequisitions({
      ...input.header,
      subtotal: dec(input.header.subtotal),
      iva: dec(input.header.iva),
      total: dec(input.header.total),
      lines: input.lines.map((l) => ({
        ...l,
        unit_price: dec(l.unit_price),
        subtotal: dec(l.subtotal),
        iva: dec(l.iva),
        total: dec(l.total),
        delivery_date: new Date(l.delivery_date),
      })),
    } as never)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await rq(container).deleteRequisitions(id)
    }
  },
)
