import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { verifyEfirmaSignature, type SignatureEnvelope } from "@tienda/contracts/efirma"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency, resolveAuthority } from "../../requisitions/authority"
import { reservationRelease } from "../../requisitions/release"
import { invalid, rq } from "./service"

export type Decision = "approve" | "reject" | "return"

export type DecideInput = {
  requisition_id: string
  access: AccessContext
  decision: Decision
  reason?: string | null
  signature?: SignatureEnvelope | null
}

/** What the signer signs: the decision on this step of this revision. */
export function decisionPayload(
  r: { id: string; number: string; revision: number },
  stepId: string,
  decision: Decision,
  reason: string | null,
) {
  return { type: "requisition.decision", requisition_id: r.id, number: r.number, revision: r.revision, step_id: stepId, decision, reason }
}

export const evaluateDecisionStepId = "requisitions-evaluate-decision"

/**
 * This step checks a decision (read-only): the requisition is pending, the
 * caller may decide its current step (role, unit, delegation, escalation;
 * never their own requisition), a rejection or return gives a reason, and an
 * e.firma signature over the decision verifies when given (required when
 * the plugin's `requireEfirma` option is set: REQUISITIONS_REQUIRE_EFIRMA=true).
 */
export const evaluateDecisionStep = createStep(evaluateDecisionStepId, async (input: DecideInput, { container }) => {
  const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["approval_steps"], take: 1 })
  if (!r) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
  }
  assertSameAgency(input.access, r)
  if (r.status !== "pending_approval") {
    invalid("REQUISICION_NO_PENDIENTE", `La requisición no está en espera de aprobación (estado: ${r.status}).`)
  }
  const steps = (r.approval_steps ?? []).filter((s) => s.revision === r.revision).sort((a, b) => a.sequence - b.sequence)
  const current = steps.find((s) => s.status === "pending")
  if (!current) {
    invalid("REQUISICION_NO_PENDIENTE", "La requisición no tiene pasos pendientes.")
  }
  const authority = await resolveAuthority(container, input.access, r, current)
  const reason = input.reason?.trim() || null
  if (input.decision !== "approve" && (!reason || reason.length < 5)) {
    invalid("MOTIVO_REQUERIDO", "Indica el motivo (al menos 5 caracteres) para rechazar o devolver.")
  }
  let signature: Record<string, unknown> | null = null
  if (input.signature) {
    const verified = await verifyEfirmaSignature(container, {
      person_id: input.access.person_id,
      payload: decisionPayload(r, current.id, input.decision, reason),
      envelope: input.signature,
    })
    signature = { ...verified, signature: input.signature.signature }
  } else if ((await rq(container).settings()).requireEfirma) {
    invalid("FIRMA_REQUERIDA", "Firma tu decisión con tu e.firma.")
  }
  const now = new Date()
  const status = input.decision === "approve" ? "approved" : input.decision === "reject" ? "rejected" : "returned"
  const last = steps.filter((s) => s.status === "pending").length === 1
  const requisitionStatus =
    input.decision === "approve" ? (last ? "approved" : "pending_approval") : input.decision === "reject" ? "rejected" : "returned"
  const closing = requisitionStatus === "rejected" || requisitionStatus === "returned"
  return new StepResponse({
    step: {
      id: current.id,
      status,
      decided_by_person_id: input.access.person_id,
      on_behalf_of_person_id: authority.on_behalf_of,
      decided_role: authority.role,
      decided_at: now,
      reason,
      signature,
    },
    // a return or rejection closes the rest of the chain of this revision
    superseded: closing
      ? steps.filter((s) => s.status === "pending" && s.id !== current.id).map((s) => ({ id: s.id, status: "superseded" }))
      : [],
    requisition: {
      id: r.id,
      status: requisitionStatus,
      ...(requisitionStatus !== "pending_approval" ? { decided_at: now } : {}),
      ...(closing ? { reservation_id: null, reserved_amount: null } : {}),
    },
    release: closing ? reservationRelease(r, input.access.person_id) : null,
    template: requisitionStatus === "pending_approval" ? null : requisitionStatus,
    audit: {
      actor_type: input.access.actor_type,
      actor_id: input.access.person_id,
      role: authority.role,
      action: `requisition.${status}`,
      entity_type: "requisition",
      entity_id: r.id,
      signature: input.signature?.signature ?? null,
      certificate_serial: (signature?.certificate_serial as string | undefined) ?? null,
      details: { number: r.number, revision: r.revision, step: current.sequence, reason, on_behalf_of: authority.on_behalf_of },
    },
  })
})
