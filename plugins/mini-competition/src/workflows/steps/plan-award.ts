import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { conflict, invalid } from "../../competition/errors"
import type { Evaluation } from "../../competition/evaluate"
import { awardOf } from "./award-data"
import { assertDeclared } from "./integrity"
import { ownCompetition } from "./own-competition"
import { verifiedSignature, type Envelope } from "./signature"
import { deviationJustificationPayload } from "../../competition/signing"

export type { Award, AwardLine, LapsedOffer } from "./award-data"

export type PlanAwardInput = {
  competition_id: string
  organization_id: string
  /** The supplier to award; the computed winner when omitted. */
  supplier_id?: string | null
  /** Required when the award deviates from the computed winner. */
  justification?: string | null
  /** The official's e.firma over `deviationJustificationPayload`; required when the award deviates. */
  envelope?: Envelope | null
  person_id: string
  at: string
}

export const planAwardStepId = "mini-competition-plan-award"
/**
 * This step decides (read-only) the award the Purchasing Unit offers: the
 * computed winner unless it names another valid bidder with a
 * justification signed with the official's e.firma (recorded as a red
 * flag with the signature), the supplier still eligible, the
 * lines at its prices with the savings against the ceilings, and the
 * supplier's confirmation deadline. The deciding official must have signed
 * the integrity declaration on the competition.
 */
export const planAwardStep = createStep(planAwardStepId, async (input: PlanAwardInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, input.organization_id)
  if (competition.status !== "opened") {
    conflict(
      "COMPETENCIA_NO_ABIERTA",
      `La segunda etapa ${competition.number} no está abierta y sin adjudicar (estado: ${competition.status}).`,
    )
  }
  await assertDeclared(container, competition, "official", input)
  const evaluation = competition.evaluation as unknown as Evaluation
  const computed = evaluation.winner?.supplier_id ?? null
  const chosen = input.supplier_id ?? computed
  const ranked = evaluation.bids.find((b) => b.supplier_id === chosen && b.valid)
  if (!chosen || !ranked) {
    invalid("PROPUESTA_NO_VALIDA", "Solo se puede adjudicar a una propuesta válida de esta segunda etapa.")
  }
  const deviates = chosen !== computed
  const justification = input.justification?.trim() || null
  if (deviates && (!justification || justification.length < 30)) {
    invalid(
      "JUSTIFICACION_REQUERIDA",
      "Adjudicar a una propuesta distinta de la ganadora calculada exige una justificación de al menos 30 caracteres.",
    )
  }
  const at = new Date(input.at)
  const eligibility = await checkEligibility(container, { supplier_id: chosen, contract_id: competition.contract_id, purpose: "award", at })
  if (!eligibility.eligible) {
    conflict("PROVEEDOR_NO_ELEGIBLE", `No se puede adjudicar: ${eligibility.reasons.map((r) => r.message).join(" ")}`)
  }
  const justificationSignature = deviates
    ? await verifiedSignature(container, {
        person_id: input.person_id,
        payload: deviationJustificationPayload({
          competition_id: competition.id,
          supplier_id: chosen,
          computed_winner_supplier_id: computed,
          justification: justification!,
        }),
        envelope: input.envelope,
        at: input.at,
        what: "Adjudicar a una propuesta distinta de la ganadora calculada",
      })
    : null
  const flags = deviates
    ? [
        {
          kind: "adjudicacion_distinta_a_la_calculada",
          message: `Se adjudicó a ${chosen} y no a la propuesta ganadora calculada (${computed}).`,
          justification,
          certificate_serial: justificationSignature!.certificate_serial,
          payload_sha256: justificationSignature!.payload_sha256,
        },
      ]
    : []
  const award = await awardOf(
    container,
    competition,
    { bid_id: ranked.bid_id, rank: ranked.rank! },
    {
      computed_winner_supplier_id: computed,
      deviates,
      justification,
      justification_signature: justificationSignature,
      rationale: deviates
        ? `Adjudicación distinta de la calculada (${evaluation.rationale}). Justificación: ${justification}`
        : evaluation.rationale,
      flags,
      decided_by_person_id: input.person_id,
      lapsed: [],
    },
    at,
  )
  return new StepResponse({ award, flags })
})
