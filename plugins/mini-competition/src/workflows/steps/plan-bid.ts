import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { conflict, forbidden, invalid } from "../../competition/errors"
import { toCentavos } from "../../competition/money"
import { sealBid, type BidContent } from "../../competition/seal"
import { assertDeclared } from "./integrity"
import { ownCompetition } from "./own-competition"
import { mc } from "./service"

export type PlanBidInput = {
  competition_id: string
  supplier_id: string
  person_id: string
  bid: BidContent
  at: string
}

/** Whether the competition still takes bids at `at` (the server's clock): refused from the deadline on. */
export function assertWindowOpen(competition: { number: string; status: string; bid_deadline: Date | string | null }, at: Date): void {
  if (competition.status !== "bidding") {
    conflict(
      "COMPETENCIA_NO_EN_PROPUESTAS",
      `La segunda etapa ${competition.number} no está recibiendo propuestas (estado: ${competition.status}).`,
    )
  }
  if (at.getTime() >= new Date(competition.bid_deadline!).getTime()) {
    conflict(
      "PROPUESTA_EXTEMPORANEA",
      `El plazo para presentar propuestas venció el ${new Date(competition.bid_deadline!).toISOString()}; la propuesta no se recibió.`,
    )
  }
}

/** The invited supplier's invitation; 404 for suppliers not invited (the competition does not exist for them). */
export async function assertInvited(container: Parameters<typeof ownCompetition>[0], competitionId: string, supplierId: string) {
  const [invitation] = await mc(container).listCompetitionInvitations(
    { competition_id: competitionId, supplier_id: supplierId, status: "invited" },
    { take: 1 },
  )
  if (!invitation) {
    forbidden("PROVEEDOR_NO_INVITADO", "Tu empresa no está invitada a esta segunda etapa.")
  }
  return invitation
}

/**
 * This step checks a bid (read-only) and seals it: window open by the
 * server's clock, supplier invited and still eligible, the submitting user
 * having signed the integrity declaration, every line priced
 * once, positive and within its ceiling price. Sealing (commitment and
 * encryption) happens here, so only the sealed form leaves the step.
 */
export const planBidStepId = "mini-competition-plan-bid"
export const planBidStep = createStep(planBidStepId, async (input: PlanBidInput, { container }) => {
  const at = new Date(input.at)
  const competition = await ownCompetition(container, input.competition_id, null)
  await assertInvited(container, competition.id, input.supplier_id)
  assertWindowOpen(competition, at)
  await assertDeclared(container, competition, "supplier", { person_id: input.person_id, organization_id: input.supplier_id })
  const eligibility = await checkEligibility(container, {
    supplier_id: input.supplier_id,
    contract_id: competition.contract_id,
    purpose: "invite",
    at,
  })
  if (!eligibility.eligible) {
    conflict("PROVEEDOR_NO_ELEGIBLE", `Tu empresa ya no puede participar: ${eligibility.reasons.map((r) => r.message).join(" ")}`)
  }
  const lines = competition.lines ?? []
  const ids = input.bid.lines.map((l) => l.line_id)
  if (new Set(ids).size !== ids.length || ids.length !== lines.length || lines.some((l) => !ids.includes(l.id))) {
    invalid("PARTIDAS_INCOMPLETAS", "La propuesta debe cotizar cada partida de la segunda etapa exactamente una vez.")
  }
  for (const line of lines) {
    const price = input.bid.lines.find((l) => l.line_id === line.id)!.unit_price
    if (toCentavos(price) <= 0n) {
      invalid("PRECIO_NO_VALIDO", `El precio de «${line.item_name}» debe ser mayor que cero.`)
    }
    if (toCentavos(price) > toCentavos(String(line.ceiling_price))) {
      invalid(
        "PRECIO_SOBRE_TECHO",
        `El precio ${price} de «${line.item_name}» excede el precio techo del contrato marco (${line.ceiling_price}).`,
      )
    }
  }
  const [previous] = await mc(container).listCompetitionBids(
    { competition_id: competition.id, supplier_id: input.supplier_id, status: "sealed" },
    { take: 1 },
  )
  const sealed = sealBid(await mc(container).sealKey(), { competition_id: competition.id, supplier_id: input.supplier_id }, input.bid)
  return new StepResponse({
    competition_id: competition.id,
    number: competition.number,
    previous_id: previous?.id ?? null,
    sealed,
    submitted_at: at,
  })
})
