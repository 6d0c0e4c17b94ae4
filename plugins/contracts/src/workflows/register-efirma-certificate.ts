import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EfirmaActor } from "./efirma-types"
import { appendAuditEntryStep } from "./steps/append-audit-entry"
import { createEfirmaCertificateStep } from "./steps/create-efirma-certificate"
import { validateEfirmaCertificateStep } from "./steps/validate-efirma-certificate"

export type RegisterEfirmaCertificateWorkflowInput = {
  person_id: string
  /** Base64 DER (or PEM) of the `.cer`. */
  certificate: string
  actor: EfirmaActor
}

export const registerEfirmaCertificateWorkflowId = "contracts-register-efirma-certificate"
/**
 * This workflow registers a person's e.firma certificate after validating it
 * (e.firma not CSD, trusted SAT CA, in force, RFC of the person, not
 * registered before) and records it in the audit ledger.
 */
export const registerEfirmaCertificateWorkflow = createWorkflow(
  registerEfirmaCertificateWorkflowId,
  (input: WorkflowData<RegisterEfirmaCertificateWorkflowInput>) => {
    const record = validateEfirmaCertificateStep(
      transform({ input }, ({ input }) => ({ person_id: input.person_id, certificate: input.certificate })),
    )
    const created = createEfirmaCertificateStep(record)
    appendAuditEntryStep(
      transform({ input, created }, ({ input, created }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role ?? null,
        action: "efirma.certificado.registrado",
        entity_type: "efirma_certificate",
        entity_id: created.id,
        certificate_serial: created.serial,
        before: null,
        after: {
          id: created.id,
          person_id: created.person_id,
          serial: created.serial,
          rfc: created.rfc,
          fingerprint_sha256: created.fingerprint_sha256,
          status: created.status,
        },
        details: { person_id: created.person_id, rfc: created.rfc, fingerprint_sha256: created.fingerprint_sha256 },
      })),
    )
    return new WorkflowResponse(created)
  },
)
