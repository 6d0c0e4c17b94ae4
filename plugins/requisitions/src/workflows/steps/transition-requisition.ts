import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { STATUS_ES } from "../../requisitions/cart-gate"
import { rq } from "./service"

export type TransitionInput = { id: string; number: string; from: string[]; to: string }

export const transitionRequisitionStepId = "requisitions-transition-requisition"
/**
 * This step moves a requisition between states with one guarded UPDATE
 * (`… WHERE status IN from`): of concurrent runs from the same state exactly
 * one passes; the others are refused here, before anything is written
 * (REQUISICION_EN_OTRO_ESTADO). Compensation moves it back if nothing moved
 * it since.
 */
export const transitionRequisitionStep = createStep(
  transitionRequisitionStepId,
  async (input: TransitionInput, { container }) => {
    const moved = await rq(container).transitionStatus(input.id, input.from, input.to)
    if (!moved) {
      const [now] = await rq(container).listRequisitions({ id: input.id }, { select: ["status"], take: 1 })
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `La requisición ${input.number} ya no está ${STATUS_ES[input.from[0]] ?? input.from[0]} (ahora: ${STATUS_ES[now?.status ?? ""] ?? now?.status}); otra operación se adelantó.`,
        "REQUISICION_EN_OTRO_ESTADO",
      )
    }
    return new StepResponse(moved, { id: input.id, previous: moved.previous, to: input.to })
  },
  async (undo, { container }) => {
    if (undo) {
      await rq(container).transitionStatus(undo.id, [undo.to], undo.previous)
    }
  },
)
