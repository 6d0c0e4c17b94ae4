import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mc } from "./service"

export type BidUpdate = { id: string } & Record<string, unknown>

export const updateBidsStepId = "mini-competition-update-bids"
/**
 * This step updates bids (withdrawal, opening results). Its compensation
 * writes back the previous values of the fields it changed.
 */
export const updateBidsStep = createStep(
  updateBidsStepId,
  async (input: BidUpdate[], { container }) => {
    const service = mc(container)
    if (!input.length) {
      return new StepResponse([] as string[], [] as BidUpdate[])
    }
    const rows = await service.listCompetitionBids({ id: input.map((b) => b.id) }, { take: null })
    const previous = input.map((u) => {
      const row = rows.find((r) => r.id === u.id) as unknown as Record<string, unknown>
      return {
        id: u.id,
        ...Object.fromEntries(
          Object.keys(u)
            .filter((k) => k !== "id")
            .map((k) => [k, row[k] ?? null]),
        ),
      }
    })
    await service.updateCompetitionBids(input as never)
    return new StepResponse(
      input.map((b) => b.id),
      previous as BidUpdate[],
    )
  },
  async (previous: BidUpdate[] | undefined, { container }) => {
    if (previous?.length) {
      await mc(container).updateCompetitionBids(previous as never)
    }
  },
)
