import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { einv } from "./load"

export const einvNowStepId = "e-invoicing-now"
/** This step reads the flow's clock (the server's; tests inject theirs). Nothing to compensate. */
export const einvNowStep = createStep(einvNowStepId, async (_: void, { container }) => new StepResponse(await einv(container).now()))
