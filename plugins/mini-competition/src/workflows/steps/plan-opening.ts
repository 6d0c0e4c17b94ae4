import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { conflict } from "../../competition/errors"
import { evaluateBids, type BidToEvaluate, type Evaluation } from "../../competition/evaluate"
import { fixed2 } from "../../competition/money"
import { bidDeadline } from "../../competition/business-days"
import { insufficientBidsConsequence, type CompetitionRules } from "../../competition/rules"
import { openBid, type BidContent, type OpenedBid } from "../../competition/seal"
import { ownCompetition } from "./own-competition"
import { planInvitations, type PlannedInvitation } from "./plan-publication"
import { mc } from "./service"

/** A closed round that re-invites, as recorded on the competition (numbers only: nothing of a bid). */
export type ClosedRound = {
  round: number
  bid_deadline: string
  closed_at: string
  bid_count: number
  valid_count: number
  new_deadline: string
  reason: string
}

export type Reinvitation = { round: number; bid_deadline: Date; rounds: ClosedRound[]; invitations: PlannedInvitation[] }

export type PlanOpeningInput = { competition_id: string; at: string }

export type OpenedBidUpdate = {
  id: string
  status: "opened" | "tampered"
  revealed: BidContent | null
  total: string | null
  valid: boolean
  findings: { code: string; message: string }[]
  rank: number | null
}

const SME = ["micro", "pequena", "mediana"]

type LedgerReader = {
  listLedger(
    filters: { entity_type?: string; entity_id?: string },
    page: { limit?: number },
  ): Promise<{ entries: { action: string; details: unknown }[] }>
}

/**
 * The commitment the audit ledger recorded when the bid was received. Someone
 * holding the seal key could re-seal a different bid consistently (new
 * ciphertext and commitment); the hash-chained ledger still has the original.
 */
async function ledgerCommitment(ledger: LedgerReader | undefined, bidId: string): Promise<string | null | undefined> {
  if (!ledger) {
    return undefined
  }
  const { entries } = await ledger.listLedger({ entity_type: "competition_bid", entity_id: bidId }, { limit: 20 })
  const received = entries.find((e) => e.action === "competition.bid_submitted" || e.action === "competition.bid_replaced")
  const details = (typeof received?.details === "string" ? JSON.parse(received.details) : received?.details) as
    { commitment?: string } | undefined
  return details?.commitment ?? null
}

/**
 * This step opens the competition (read-only computation) once its deadline
 * has passed by the server's clock: decrypts every live bid and checks it
 * against its commitment and against the commitment the audit ledger
 * recorded at submission (a tampered bid is reported, never evaluated),
 * re-checks each bidder's eligibility at the close, and evaluates by the
 * snapshotted rules (lowest compliant price, abnormally-low floor,
 * tie-breaks, minimum valid bids). With fewer valid bids than the minimum
 * and rules that re-invite (a round still granted), nothing is revealed:
 * the bids stay sealed (they may be replaced), every eligible supplier is
 * invited again and a new deadline is set in business days.
 */
export const planOpeningStepId = "mini-competition-plan-opening"
export const planOpeningStep = createStep(planOpeningStepId, async (input: PlanOpeningInput, { container }) => {
  const at = new Date(input.at)
  const competition = await ownCompetition(container, input.competition_id, null)
  if (competition.status !== "bidding") {
    conflict(
      "COMPETENCIA_NO_EN_PROPUESTAS",
      `La segunda etapa ${competition.number} no está en periodo de propuestas (estado: ${competition.status}).`,
    )
  }
  if (at.getTime() < new Date(competition.bid_deadline!).getTime()) {
    conflict(
      "PLAZO_NO_VENCIDO",
      `Las propuestas de ${competition.number} se abren al vencer el plazo (${new Date(competition.bid_deadline!).toISOString()}), no antes.`,
    )
  }
  const service = mc(container)
  const bids = await service.listCompetitionBids({ competition_id: competition.id, status: "sealed" }, { take: null })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const supplierIds = [...new Set(bids.map((b) => b.supplier_id))]
  const { data: orgs } = supplierIds.length
    ? await query.graph({ entity: "organization", fields: ["id", "sme_size"], filters: { id: supplierIds } })
    : { data: [] as { id: string; sme_size: string | null }[] }
  const key = await service.sealKey()
  const ledger = container.resolve<LedgerReader | undefined>("audit_ledger", { allowUnregistered: true })
  const toEvaluate: BidToEvaluate[] = []
  for (const bid of bids) {
    const eligibility = await checkEligibility(container, {
      supplier_id: bid.supplier_id,
      contract_id: competition.contract_id,
      purpose: "invite",
      at,
    })
    const recorded = await ledgerCommitment(ledger, bid.id)
    const opened: OpenedBid =
      recorded !== undefined && recorded !== bid.commitment
        ? {
            ok: false,
            code: "COMPROMISO_NO_COINCIDE",
            message: "La propuesta almacenada no corresponde al compromiso registrado en la bitácora de auditoría al presentarla.",
          }
        : openBid(key, { competition_id: competition.id, supplier_id: bid.supplier_id }, bid)
    toEvaluate.push({
      bid_id: bid.id,
      supplier_id: bid.supplier_id,
      submitted_at: new Date(bid.submitted_at).toISOString(),
      sme: SME.includes(String(orgs.find((o) => o.id === bid.supplier_id)?.sme_size ?? "")),
      opened,
      eligibility,
    })
  }
  const lines = (competition.lines ?? []).map((l) => ({ id: l.id, quantity: l.quantity, ceiling_price: fixed2(l.ceiling_price) }))
  const evaluation: Evaluation = evaluateBids(lines, competition.rules as unknown as CompetitionRules, toEvaluate)
  const rules = competition.rules as unknown as CompetitionRules
  const round = Number(competition.round ?? 1)
  if (evaluation.outcome === "deserted" && insufficientBidsConsequence(rules, round) === "reinvite") {
    const deadline = bidDeadline(at, rules.bid_window_business_days)
    const closed: ClosedRound = {
      round,
      bid_deadline: new Date(competition.bid_deadline!).toISOString(),
      closed_at: at.toISOString(),
      bid_count: bids.length,
      valid_count: evaluation.valid_count,
      new_deadline: deadline.toISOString(),
      reason: `Nueva invitación (ronda ${round + 1}): ${evaluation.valid_count} propuesta(s) válida(s) de ${bids.length} presentada(s); las reglas exigen al menos ${rules.min_valid_bids}. Las propuestas siguen selladas.`,
    }
    const reinvitation: Reinvitation = {
      round: round + 1,
      bid_deadline: deadline,
      rounds: [...((competition.rounds as unknown as ClosedRound[] | null) ?? []), closed],
      invitations: await planInvitations(container, competition, rules, at),
    }
    // nothing of the bids leaves this step (workflow storage included): the evaluation is reduced to its counts
    const counts: Evaluation = { ...evaluation, bids: [], winner: null, average: null, floor: null, rationale: closed.reason }
    return new StepResponse({
      competition_id: competition.id,
      number: competition.number,
      opened_at: at,
      evaluation: counts,
      updates: [] as OpenedBidUpdate[],
      reinvitation,
    })
  }
  const updates: OpenedBidUpdate[] = evaluation.bids.map((e) => {
    const opened = toEvaluate.find((b) => b.bid_id === e.bid_id)!.opened
    return {
      id: e.bid_id,
      status: opened.ok ? "opened" : "tampered",
      revealed: opened.ok ? opened.content : null,
      total: e.total,
      valid: e.valid,
      findings: e.findings,
      rank: e.rank,
    }
  })
  return new StepResponse({
    competition_id: competition.id,
    number: competition.number,
    opened_at: at,
    evaluation,
    updates,
    reinvitation: null as Reinvitation | null,
  })
})
