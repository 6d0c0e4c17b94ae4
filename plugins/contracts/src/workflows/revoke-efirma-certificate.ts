import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EfirmaActor } from "./efirma-types"
import { appendAuditEntryStep } from "./steps/append-audit-entry"
import { revokeEfirmaCertificateStep } from "./steps/revoke-efirma-certificate"

export type RevokeEfirmaCertificateWorkflowInput = {
  certificate_id: string
  /** Restricts the revocation to this person's certificates (self-service); null for administrators. */
  person_id?: string | null
  reason: string
  actor: EfirmaActor
}

export const revokeEfirmaCertificateWorkflowId = "contracts-revoke-efirma-certificate"
/**
 * This workflow revokes a registered e.firma certificate (lost key, SAT
 * revocation, change of position): signatures with it are refused from now
 * on. Recorded in the audit ledger.
 */
export const revokeEfirmaCertificateWorkflow = createWorkflow(
  revokeEfirmaCertificateWorkflowId,
  (input: WorkflowData<RevokeEfirmaCertificateWorkflowInput>) => {
    const result = revokeEfirmaCertificateStep(
      transform({ input }, ({ input }) => ({
        certificate_id: input.certificate_id,
        person_id: input.person_id ?? null,
        reason: input.reason,
      })),
    )
    appendAuditEntryStep(
      transform({ input, result }, ({ input, result }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role ?? null,
        action: "efirma.certificado.revocado",
        entity_type: "efirma_certificate",
        entity_id: result.after.id,
        certificate_serial: result.after.serial,
        before: { id: result.before.id, serial: result.before.serial, status: result.before.status },
        after: { id: result.after.id, serial: result.after.serial, status: result.after.status },
        details: { person_id: result.after.person_id, reason: input.reason },
      })),
    )
    return new WorkflowResponse(result.after)
  },
)
