import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHook, createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SignatureEnvelope } from "../../efirma/verify"
import { appendAuditEntryStep } from "../steps/append-audit-entry"
import { verifyEfirmaSignatureStep } from "../steps/verify-efirma-signature"
import { SPECIFIC_CONTRACT_EVENTS } from "./events"
import { recordContractSignatureStep } from "./steps/record-contract-signature"
import { settleContractStatusStep } from "./steps/settle-contract-status"
import { validateContractSigningStep, type SigningSide } from "./steps/validate-contract-signing"
import type { ContractActor } from "./types"

export type SignSpecificContractWorkflowInput = {
  contract_id: string
  side: SigningSide
  signer: ContractActor
  envelope: SignatureEnvelope
  document_sha256?: string | null
  /** Signing time (ISO); default now. */
  at?: string | null
}

export const signSpecificContractWorkflowId = "contracts-sign-specific-contract"
/**
 * This workflow applies one party's e.firma signature to a contract or
 * amendment. The signed payload is `{ contract_id, number, document_sha256 }`
 * (canonical JSON). The signature is verified (certificate, trust, validity,
 * RFC, registration, signature) before anything is stored; the contract is
 * in force only when both sides' signatures are stored, and then
 * `specific_contract.in_force` is emitted once.
 *
 * Hook `contractInForce` runs (synchronously, as a step of this workflow)
 * with `became_in_force` true exactly once per contract: the requisitions
 * plugin checks the supplier's eligibility there and commits the budget and
 * releases the order. If the handler fails, the signature and the status
 * change are compensated: the contract does not come into force.
 */
export const signSpecificContractWorkflow = createWorkflow(
  signSpecificContractWorkflowId,
  (input: WorkflowData<SignSpecificContractWorkflowInput>) => {
    const at = transform({ input }, ({ input }) => input.at ?? new Date().toISOString())
    const context = validateContractSigningStep(
      transform({ input }, ({ input }) => ({
        contract_id: input.contract_id,
        side: input.side,
        signer: input.signer,
        document_sha256: input.document_sha256 ?? null,
      })),
    )
    const verified = verifyEfirmaSignatureStep(
      transform({ input, context, at }, ({ input, context, at }) => ({
        person_id: input.signer.person_id,
        payload: context.payload,
        envelope: input.envelope,
        at,
      })),
    )
    const signature = recordContractSignatureStep(
      transform({ input, context, verified }, ({ input, context, verified }) => ({
        contract_id: context.contract.id,
        number: context.contract.number,
        role: context.role,
        person_id: input.signer.person_id,
        organization_id: input.signer.organization_id,
        certificate_serial: verified.certificate_serial,
        rfc: verified.rfc,
        subject_name: verified.subject_name,
        signature: input.envelope.signature,
        payload_sha256: verified.payload_sha256,
        document_sha256: context.contract.document_sha256,
        signed_at: verified.signed_at,
      })),
    )
    const settled = settleContractStatusStep(transform({ context, at }, ({ context, at }) => ({ contract_id: context.contract.id, at })))
    appendAuditEntryStep(
      transform({ input, context, verified, settled }, ({ input, context, verified, settled }) => ({
        actor_type: input.signer.actor_type,
        actor_id: input.signer.actor_id,
        role: input.signer.role,
        action: "specific_contract.signed",
        entity_type: "specific_contract",
        entity_id: context.contract.id,
        before: { status: settled.previous_status, document_sha256: context.contract.document_sha256 },
        after: { status: settled.status, document_sha256: context.contract.document_sha256, signed_by: context.role },
        signature: input.envelope.signature,
        certificate_serial: verified.certificate_serial,
        details: {
          number: context.contract.number,
          side: context.role,
          payload_sha256: verified.payload_sha256,
          status: settled.status,
        },
      })),
    )
    const contractInForce = createHook(
      "contractInForce",
      transform({ context, settled, input }, ({ context, settled, input }) => ({
        became_in_force: settled.became_in_force,
        contract: context.contract,
        in_force_at: settled.in_force_at,
        signer: input.signer,
      })),
    )
    emitEventStep({
      eventName: SPECIFIC_CONTRACT_EVENTS.SIGNED,
      data: transform({ context, settled }, ({ context, settled }) => ({
        id: context.contract.id,
        number: context.contract.number,
        side: context.role,
        status: settled.status,
      })),
    }).config({ name: "emit-specific-contract-signed" })
    when({ settled }, ({ settled }) => settled.became_in_force).then(() => {
      emitEventStep({
        eventName: SPECIFIC_CONTRACT_EVENTS.IN_FORCE,
        data: transform({ context, settled }, ({ context, settled }) => ({
          id: context.contract.id,
          number: context.contract.number,
          kind: context.contract.kind,
          parent_id: context.contract.parent_id,
          agency_id: context.contract.agency_id,
          supplier_id: context.contract.supplier_id,
          framework_contract_id: context.contract.framework_contract_id,
          budget_key_id: context.contract.budget_key_id,
          subtotal: context.contract.subtotal,
          iva: context.contract.iva,
          total: context.contract.total,
          currency_code: context.contract.currency_code,
          in_force_at: settled.in_force_at,
        })),
      }).config({ name: "emit-specific-contract-in-force" })
    })
    return new WorkflowResponse(
      transform({ context, signature, settled }, ({ context, signature, settled }) => ({
        id: context.contract.id,
        number: context.contract.number,
        status: settled.status,
        signature,
      })),
      { hooks: [contractInForce] },
    )
  },
)
