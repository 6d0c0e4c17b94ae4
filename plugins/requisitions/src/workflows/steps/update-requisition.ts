import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { rq } from "./service"

export type RequisitionChanges = { id: string } & Record<string, unknown>

export const updateRequisitionStepId = "requisitions-update-requisition"
/** This step changes fields of a requisition; its compensation puts the previous values back. */
export const updateRequisitionStep = createStep(
  updateRequisitionStepId,
  async (changes: RequisitionChanges, { container }) => {
    const service = rq(container)
    const [current] = await service.listRequisitions({ id: changes.id }, { take: 1 })
    const previous: Record<string, unknown> = { id: changes.id }
    for (const key of Object.keys(changes)) {
      previous[key] = (current as unknown as Record<string, unknown>)[key] ?? null
    }
    const updated = await service.updateRequisitions(changes as never)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (previous) {
      await rq(container).updateRequisitions(previous as never)
    }
  },
)
