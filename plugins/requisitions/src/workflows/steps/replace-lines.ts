import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dec, rq } from "./service"
import type { PreparedLine } from "./prepare-requisition"

export const replaceRequisitionLinesStepId = "requisitions-replace-lines"
/** This step replaces the lines of a requisition being edited; compensation restores the old lines. */
export const replaceRequisitionLinesStep = createStep(
  replaceRequisitionLinesStepId,
  async (input: { requisition_id: string; lines: PreparedLine[] }, { container }) => {
    const service = rq(container)
    const old = await service.listRequisitionLines({ requisition_id: input.requisition_id }, { take: null })
    await service.softDeleteRequisitionLines(old.map((l) => l.id))
    const created = (await service.createRequisitionLines(
      input.lines.map((l) => ({
        ...l,
        requisition_id: input.requisition_id,
        unit_price: dec(l.unit_price),
        subtotal: dec(l.subtotal),
        iva: dec(l.iva),
        total: dec(l.total),
        delivery_date: new Date(l.delivery_date),
      })) as never,
    )) as unknown as { id: string }[]
    return new StepResponse(created.length, { old: old.map((l) => l.id), created: created.map((l) => l.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = rq(container)
    await service.deleteRequisitionLines(undo.created)
    await service.restoreRequisitionLines(undo.old)
  },
)
