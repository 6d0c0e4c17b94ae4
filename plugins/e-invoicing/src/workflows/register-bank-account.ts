import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { appendAuditEntryStep, verifyEfirmaSignatureStep } from "@tienda/contracts/workflows"
import type { AuditActor } from "@tienda/organizations/audit"
import { prepareBankAccountStep } from "./steps/prepare-bank-account"
import { replaceBankAccountStep } from "./steps/replace-bank-account"

export type RegisterBankAccountWorkflowInput = {
  supplier_id: string
  supplier_rfc: string
  /** The supplier user who signs (their registered e.firma). */
  person_id: string
  actor: AuditActor
  clabe: string
  holder_name: string
  envelope: { certificate: string; signature: string }
  /** Signing time (ISO); default now. */
  at?: string | null
}

export const registerBankAccountWorkflowId = "e-invoicing-register-bank-account"
/**
 * This workflow registers or changes a supplier's CLABE for SPEI payments:
 * the CLABE is checked (check digit, bank derived from it), the change is
 * signed with the supplier user's e.firma over `{ documento, proveedor_rfc,
 * clabe, titular, clabe_anterior }` and verified before anything is written,
 * the previous account is kept as "replaced", and the audit ledger records
 * who changed which CLABE to which. One change at a time per supplier.
 */
export const registerBankAccountWorkflow = createWorkflow(
  registerBankAccountWorkflowId,
  (input: WorkflowData<RegisterBankAccountWorkflowInput>) => {
    const lockKey = transform({ input }, ({ input }) => `e-invoicing-bank-account:${input.supplier_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 })
    const plan = prepareBankAccountStep(
      transform({ input }, ({ input }) => ({
        supplier_id: input.supplier_id,
        supplier_rfc: input.supplier_rfc,
        clabe: input.clabe,
        holder_name: input.holder_name,
      })),
    )
    const verified = verifyEfirmaSignatureStep(
      transform({ input, plan }, ({ input, plan }) => ({
        person_id: input.person_id,
        payload: plan.payload,
        envelope: input.envelope,
        at: input.at ?? new Date().toISOString(),
      })),
    )
    const account = replaceBankAccountStep(
      transform({ input, plan, verified }, ({ input, plan, verified }) => ({
        supplier_id: input.supplier_id,
        previous_id: plan.previous?.id ?? null,
        account: {
          clabe: plan.info.clabe,
          bank_code: plan.info.bank_code,
          bank_tag: plan.info.bank_tag,
          bank_name: plan.info.bank_name,
          plaza: plan.info.plaza,
          holder_name: input.holder_name,
          holder_rfc: input.supplier_rfc.toUpperCase(),
          signed_by_person_id: input.person_id,
          efirma_serial: verified.certificate_serial,
          signature: input.envelope.signature,
          payload_sha256: verified.payload_sha256,
          signed_at: verified.signed_at,
        },
      })),
    )
    appendAuditEntryStep(
      transform({ input, plan, account, verified }, ({ input, plan, account, verified }) => ({
        actor_type: input.actor.actor_type,
        actor_id: input.actor.actor_id,
        role: input.actor.role ?? null,
        action: plan.previous ? "supplier_bank_account.changed" : "supplier_bank_account.registered",
        entity_type: "supplier_bank_account",
        entity_id: account.id,
        before: plan.previous ? { account_id: plan.previous.id, clabe: plan.previous.clabe } : null,
        after: { account_id: account.id, supplier_id: input.supplier_id, clabe: account.clabe, bank_tag: account.bank_tag },
        signature: input.envelope.signature,
        certificate_serial: verified.certificate_serial,
        details: {
          bank_tag: account.bank_tag,
          clabe_ultimos_4: account.clabe.slice(-4),
          replaces_account_id: plan.previous?.id ?? null,
        },
      })),
    )
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(account)
  },
)
