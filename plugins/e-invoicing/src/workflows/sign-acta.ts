import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { verifyEfirmaSignatureStep } from "@tienda/contracts/workflows"
import { appendAuditEntryStep, type AuditActor } from "@tienda/organizations/audit"
import { evaluateActaSigningStep } from "./steps/evaluate-acta-signing"
import { transitionStatusStep } from "./steps/transition-status"

export type SignActaWorkflowInput = {
  reception_id: string
  agency_id: string
  person_id: string
  actor: AuditActor
  envelope: { certificate: string; signature: string }
  /** Signing time (ISO); default now. */
  at?: string | null
}

export const signActaWorkflowId = "e-invoicing-sign-acta"
/**
 * This workflow signs a reception's acta de entrega-recepción with the
 * Reception Manager's e.firma: the acta must be the caller's agency's and
 * unsigned → the signature is verified over `{ documento, acta_id, folio,
 * reception_id, document_sha256 }` (e.firma not CSD, trusted CA, in force,
 * the person's RFC, registered) → acta `signed` (guarded move: once) with
 * the serial and signature → audit.
 */
export const signActaWorkflow = createWorkflow(signActaWorkflowId, (input: WorkflowData<SignActaWorkflowInput>) => {
  const plan = evaluateActaSigningStep(
    transform({ input }, ({ input }) => ({ reception_id: input.reception_id, agency_id: input.agency_id })),
  )
  const verified = verifyEfirmaSignatureStep(
    transform({ input, plan }, ({ input, plan }) => ({
      person_id: input.person_id,
      payload: plan.payload,
      envelope: input.envelope,
      at: input.at ?? new Date().toISOString(),
    })),
  )
  transitionStatusStep(
    transform({ input, plan, verified }, ({ input, plan, verified }) => ({
      table: "einv_reception_acta" as const,
      id: plan.acta.id,
      from: ["pending_signature"],
      to: "signed",
      data: {
        signed_by_person_id: input.person_id,
        signed_at: verified.signed_at,
        certificate_serial: verified.certificate_serial,
        signature: input.envelope.signature,
        payload_sha256: verified.payload_sha256,
      },
    })),
  ).config({ name: "acta-signed" })
  appendAuditEntryStep(
    transform({ input, plan, verified }, ({ input, plan, verified }) => ({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      role: input.actor.role ?? null,
      action: "reception_acta.signed",
      entity_type: "reception_acta",
      entity_id: plan.acta.id,
      after: { status: "signed", folio: plan.acta.folio, document_sha256: plan.acta.document_sha256 },
      details: {
        reception_id: input.reception_id,
        certificate_serial: verified.certificate_serial,
        rfc: verified.rfc,
        payload_sha256: verified.payload_sha256,
      },
    })),
  )
  return new WorkflowResponse(transform({ plan }, ({ plan }) => ({ id: plan.acta.id })))
})
