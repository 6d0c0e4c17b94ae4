import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { D, type Decimal } from "../../cfdi/money"
import { planPenaltyDeduction, type PenaltyDeduction } from "../../delivery/rules"
import { einv } from "./load"

export type DeductPenaltiesStepInput = { order_id: string; invoice_total: string }
export type DeductPenaltiesStepOutput = { deductions: PenaltyDeduction[]; total: string; net: string }

type Service = ReturnType<typeof einv>

/**
 * Claims, reception by reception, up to `total` of the order's outstanding
 * penalties into `taken` (re-planning when a concurrent payment got there first).
 */
async function claimPenalties(service: Service, orderId: string, total: string, taken: PenaltyDeduction[]): Promise<void> {
  let room = new D(total)
  for (let attempt = 0; attempt < 5 && room.gt(0); attempt++) {
    const receptions = await service.listReceptions(
      { order_id: orderId },
      { select: ["id", "penalty_amount", "penalty_deducted", "received_at"] },
    )
    const plan = planPenaltyDeduction(
      receptions.map((r) => ({
        reception_id: r.id,
        penalty_amount: r.penalty_amount,
        penalty_deducted: r.penalty_deducted,
        received_at: new Date(r.received_at).toISOString(),
      })),
      room.toFixed(2),
    )
    let lost = false
    for (const d of plan.deductions) {
      if (await service.deductPenalty(d.reception_id, d.amount)) {
        taken.push(d)
        room = room.minus(d.amount)
      } else {
        lost = true
      }
    }
    if (!lost) {
      return
    }
  }
}

export const deductPenaltiesStepId = "e-invoicing-deduct-penalties"
/**
 * This step withholds from the invoice's payment the penas convencionales
 * the order's receptions still owe (`planPenaltyDeduction`: oldest first, up
 * to the invoice's total), each reception's share claimed with a guarded
 * UPDATE so that concurrent payments never withhold one penalty twice; when
 * another payment got there first, it plans again from what is left.
 * Compensation gives the amounts back to the receptions (and a run that
 * fails half-way gives back what it claimed before failing).
 */
export const deductPenaltiesStep = createStep(
  deductPenaltiesStepId,
  async (input: DeductPenaltiesStepInput, { container }) => {
    const service = einv(container)
    const taken: PenaltyDeduction[] = []
    try {
      await claimPenalties(service, input.order_id, input.invoice_total, taken)
    } catch (e) {
      for (const d of taken) {
        await service.deductPenalty(d.reception_id, `-${d.amount}`)
      }
      throw e
    }
    const merged = new Map<string, Decimal>()
    for (const d of taken) {
      merged.set(d.reception_id, (merged.get(d.reception_id) ?? new D(0)).plus(d.amount))
    }
    const deductions = [...merged].map(([reception_id, amount]) => ({ reception_id, amount: amount.toFixed(2) }))
    const total = deductions.reduce((a, d) => a.plus(d.amount), new D(0))
    const result = { deductions, total: total.toFixed(2), net: new D(input.invoice_total).minus(total).toFixed(2) }
    return new StepResponse<DeductPenaltiesStepOutput, PenaltyDeduction[]>(result, taken)
  },
  async (taken, { container }) => {
    for (const d of taken ?? []) {
      await einv(container).deductPenalty(d.reception_id, `-${d.amount}`)
    }
  },
)
