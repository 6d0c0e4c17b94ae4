import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep } from "@tienda/contracts/workflows"
import { auditDraft, type AuditActor } from "@tienda/organizations/audit"
import { conflict, invalid } from "../competition/errors"
import { acknowledgesTextInForce, integrityTextInForce, type IntegritySide } from "../competition/integrity"
import { integrityDeclarationPayload } from "../competition/signing"
import { declarationOf } from "./steps/integrity"
import { ownCompetition } from "./steps/own-competition"
import { assertInvited } from "./steps/plan-bid"
import { mc } from "./steps/service"
import { verifiedSignature, type Envelope } from "./steps/signature"

export type DeclareIntegrityWorkflowInput = {
  competition_id: string
  side: IntegritySide
  person_id: string
  /** The official's agency or the supplier company. */
  organization_id: string
  /** SHA-256 of the text the signer was shown; must be the text in force. */
  text_sha256: string
  /** The signer's e.firma over `integrityDeclarationPayload` (competition, side, person, text version and SHA-256). */
  envelope: Envelope
  actor: AuditActor
  at: string
}

type Declaration = NonNullable<Awaited<ReturnType<typeof declarationOf>>>
type Declared = { declaration: Declaration; number: string; created: boolean }

export const createIntegrityDeclarationStepId = "mini-competition-create-integrity-declaration"
/**
 * This step records the declaration: the official's competition must belong
 * to its agency; the supplier must be invited. The acknowledged SHA-256 must
 * be the text in force (else 400 DECLARACION_NO_VIGENTE), and the signer's
 * e.firma must verify over `integrityDeclarationPayload` (the contracts
 * plugin's verification: FIRMA_INVALIDA, CERTIFICADO_NO_REGISTRADO, …;
 * nothing is written on a refusal). A person declares
 * once per competition and side (a repeat answers the existing record and
 * writes nothing). Its compensation deletes the row it created.
 */
export const createIntegrityDeclarationStep = createStep(
  createIntegrityDeclarationStepId,
  async (input: DeclareIntegrityWorkflowInput, { container }) => {
    const competition = await ownCompetition(container, input.competition_id, input.side === "official" ? input.organization_id : null)
    if (input.side === "supplier") {
      await assertInvited(container, competition.id, input.organization_id)
    }
    if (competition.status === "deserted" || competition.status === "awarded") {
      conflict("COMPETENCIA_NO_ABIERTA", `La segunda etapa ${competition.number} ya concluyó (estado: ${competition.status}).`)
    }
    const text = integrityTextInForce(input.side)
    if (!acknowledgesTextInForce(input.side, input.text_sha256)) {
      invalid(
        "DECLARACION_NO_VIGENTE",
        `La declaración firmada no corresponde al texto vigente (versión ${text.version}, SHA-256 ${text.text_sha256}).`,
      )
    }
    const signed = await verifiedSignature(container, {
      person_id: input.person_id,
      payload: integrityDeclarationPayload({
        competition_id: competition.id,
        side: input.side,
        person_id: input.person_id,
        text_version: text.version,
        text_sha256: text.text_sha256,
      }),
      envelope: input.envelope,
      at: input.at,
      what: "La declaración de integridad",
    })
    const existing = await declarationOf(container, competition.id, input.side, input.person_id)
    if (existing) {
      return new StepResponse<Declared, { id: string | null }>(
        { declaration: existing, number: competition.number, created: false },
        { id: null },
      )
    }
    const row = await mc(container).createCompetitionIntegrityDeclarations({
      competition_id: competition.id,
      side: input.side,
      person_id: input.person_id,
      organization_id: input.organization_id,
      text_version: text.version,
      text_sha256: text.text_sha256,
      declared_at: new Date(input.at),
      certificate_serial: signed.certificate_serial,
      signature: signed.signature,
      payload_sha256: signed.payload_sha256,
    })
    return new StepResponse<Declared, { id: string | null }>(
      { declaration: row as Declaration, number: competition.number, created: true },
      { id: row.id },
    )
  },
  async (created: { id: string | null } | undefined, { container }) => {
    if (created?.id) {
      await mc(container).deleteCompetitionIntegrityDeclarations(created.id)
    }
  },
)

export const declareIntegrityWorkflowId = "mini-competition-declare-integrity"
/**
 * This workflow records an integrity declaration (no conflict of interest,
 * no collusion) signed on a competition by an official of its Purchasing
 * Unit or by a user of an invited supplier, with the version and SHA-256 of
 * the text signed, and writes it to the audit ledger
 * (`competition.integrity_declared`). Publishing, awarding and bidding are
 * refused without it.
 */
export const declareIntegrityWorkflow = createWorkflow(declareIntegrityWorkflowId, (input: WorkflowData<DeclareIntegrityWorkflowInput>) => {
  const result = createIntegrityDeclarationStep(input)
  const entry = transform({ input, result }, ({ input, result }) =>
    result.created
      ? auditDraft(input.actor, "mini-competition", {
          action: "competition.integrity_declared",
          entity_type: "competition",
          entity_id: input.competition_id,
          after: {
            side: input.side,
            person_id: input.person_id,
            organization_id: input.organization_id,
            text_version: result.declaration.text_version,
            text_sha256: result.declaration.text_sha256,
            certificate_serial: result.declaration.certificate_serial,
            payload_sha256: result.declaration.payload_sha256,
          },
          details: {
            number: result.number,
            declaration_id: result.declaration.id,
            declared_at: input.at,
            certificate_serial: result.declaration.certificate_serial,
            payload_sha256: result.declaration.payload_sha256,
          },
        })
      : null,
  )
  appendAuditEntryStep(entry)
  return new WorkflowResponse(result)
})
