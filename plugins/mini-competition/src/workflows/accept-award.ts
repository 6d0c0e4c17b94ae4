import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict, forbidden } from "../competition/errors"
import type { Award } from "./steps/award-data"
import { ownCompetition } from "./steps/own-competition"
import { competitionLockKey } from "./steps/service"
import { verifiedSignature, type Envelope } from "./steps/signature"
import { awardAcceptancePayload } from "../competition/signing"
import { updateCompetitionStep } from "./steps/update-competition"

export type AcceptAwardWorkflowInput = {
  competition_id: string
  supplier_id: string
  person_id: string
  /** The supplier user's e.firma over the offer's `awardAcceptancePayload`. */
  envelope: Envelope
  actor: AuditActor
  at: string
}

export const MINI_COMPETITION_AWARDED = "mini_competition.awarded"

export const planAcceptanceStepId = "mini-competition-plan-acceptance"
/**
 * This step checks (read-only) that the caller's company is the supplier
 * the award is offered to, within its confirmation window by the server's
 * clock, still eligible, and that the confirming user's e.firma verifies
 * over the offer's `awardAcceptancePayload` (the contracts plugin's
 * verification).
 */
export const planAcceptanceStep = createStep(planAcceptanceStepId, async (input: AcceptAwardWorkflowInput, { container }) => {
  const competition = await ownCompetition(container, input.competition_id, null)
  const award = competition.award as unknown as Award | null
  if (competition.status !== "offered" || !award) {
    conflict(
      "SIN_ADJUDICACION_POR_CONFIRMAR",
      `La segunda etapa ${competition.number} no tiene una adjudicación por confirmar (estado: ${competition.status}).`,
    )
  }
  if (award.supplier_id !== input.supplier_id) {
    forbidden("ADJUDICACION_DE_OTRO_PROVEEDOR", "La adjudicación no está ofrecida a tu empresa.")
  }
  const at = new Date(input.at)
  if (at.getTime() >= new Date(award.confirmation_deadline).getTime()) {
    conflict("PLAZO_DE_CONFIRMACION_VENCIDO", `El plazo para confirmar la adjudicación venció el ${award.confirmation_deadline}.`)
  }
  const eligibility = await checkEligibility(container, {
    supplier_id: input.supplier_id,
    contract_id: competition.contract_id,
    purpose: "award",
    at,
  })
  if (!eligibility.eligible) {
    conflict("PROVEEDOR_NO_ELEGIBLE", `No se puede adjudicar: ${eligibility.reasons.map((r) => r.message).join(" ")}`)
  }
  const signature = await verifiedSignature(container, {
    person_id: input.person_id,
    payload: awardAcceptancePayload(award),
    envelope: input.envelope,
    at: input.at,
    what: "Confirmar la adjudicación",
  })
  return new StepResponse({
    ...award,
    accepted_at: at.toISOString(),
    accepted_by_person_id: input.person_id,
    acceptance_signature: signature,
  } satisfies Award)
})

export const acceptAwardWorkflowId = "mini-competition-accept-award"
/**
 * This workflow records the supplier's confirmation of the award offered to
 * it: the competition is awarded, the ledger records it and
 * `mini_competition.awarded` carries the award as data (winning supplier,
 * lines at the winning prices, savings) for the contract-bound path.
 */
export const acceptAwardWorkflow = createWorkflow(acceptAwardWorkflowId, (input: WorkflowData<AcceptAwardWorkflowInput>) => {
  const lockKey = transform({ input }, ({ input }) => competitionLockKey(input.competition_id))
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
  const award = planAcceptanceStep(input)
  const competition = updateCompetitionStep(
    transform({ award }, ({ award }) => ({ id: award.competition_id, status: "awarded", awarded_at: new Date(award.accepted_at!), award })),
  )
  appendAuditEntryStep(
    transform({ input, award }, ({ input, award }) =>
      auditDraft(input.actor, "mini-competition", {
        action: "competition.awarded",
        entity_type: "competition",
        entity_id: award.competition_id,
        after: award,
        details: {
          number: award.number,
          supplier_id: award.supplier_id,
          subtotal: award.subtotal,
          savings: award.savings,
          deviates: award.deviates,
          lapsed: award.lapsed.length,
          certificate_serial: award.acceptance_signature?.certificate_serial ?? null,
          payload_sha256: award.acceptance_signature?.payload_sha256 ?? null,
        },
      }),
    ),
  )
  emitEventStep({ eventName: MINI_COMPETITION_AWARDED, data: award })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(competition)
})
