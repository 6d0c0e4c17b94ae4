import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import {
  contractNotFound,
  documentDigest,
  invalid,
  signingPayload,
  SPECIFIC_CONTRACT_ERRORS as E,
  type ContractData,
  type SigningPayload,
} from "../../../specific-contract"
import { digestOf, sha256Hex } from "../../../utils/hash"
import type { ContractActor } from "../types"

export type SigningSide = "agency" | "supplier"

export type ValidateContractSigningStepInput = {
  contract_id: string
  side: SigningSide
  signer: ContractActor
  /** The digest the signer's client shows; refused when it is not the stored one. */
  document_sha256?: string | null
}

export type SigningContext = {
  payload: SigningPayload
  role: "agency_signer" | "supplier"
  contract: {
    id: string
    number: string
    kind: string
    parent_id: string | null
    agency_id: string
    supplier_id: string
    framework_contract_id: string
    budget_key_id: string
    subtotal: string
    iva: string
    total: string
    currency_code: string
    status: string
    document_sha256: string
  }
}

const SIDE_ES: Record<SigningSide, string> = { agency: "la dependencia", supplier: "el proveedor" }

export const validateContractSigningStepId = "contracts-validate-contract-signing"
/**
 * This step decides whether this person may sign this contract for this
 * side now: the contract is their organization's (404 otherwise, no
 * oracle), pending signatures, not yet signed by this side, the person is
 * the designated signer, the client saw the current document digest, and
 * the stored documents still match their digests. Returns the exact payload
 * to verify. Read-only.
 */
export const validateContractSigningStep = createStep(
  validateContractSigningStepId,
  async (input: ValidateContractSigningStepInput, { container }) => {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [c] = await service.listSpecificContracts({ id: input.contract_id }, { relations: ["signatures"], take: 1 })
    const owner = c && (input.side === "agency" ? c.agency_id : c.supplier_id)
    if (!c || owner !== input.signer.organization_id) {
      throw contractNotFound()
    }
    if (c.status === "in_force") {
      throw invalid(E.ALREADY_SIGNED, `El contrato ${c.number} ya está en vigor: ambas partes lo firmaron.`)
    }
    if (c.status !== "pending_signatures" && c.status !== "partially_signed") {
      throw invalid(
        E.NOT_SIGNABLE,
        `El contrato ${c.number} no se puede firmar en su estado actual (${c.status === "cancelled" ? "cancelado" : c.status}).`,
      )
    }
    const role = input.side === "agency" ? "agency_signer" : "supplier"
    if (c.signatures.some((s) => s.role === role)) {
      throw invalid(E.ALREADY_SIGNED, `El contrato ${c.number} ya tiene la firma de ${SIDE_ES[input.side]}; no se firma dos veces.`)
    }
    const data = c.data as unknown as ContractData
    const designated = input.side === "agency" ? c.agency_signer_person_id : c.supplier_signer_person_id
    if (designated !== input.signer.person_id) {
      const name = input.side === "agency" ? data.agency.representative.full_name : data.supplier.representative.full_name
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        `El contrato ${c.number} designa a ${name} como firmante por ${SIDE_ES[input.side]}; tú no puedes firmarlo.`,
        E.WRONG_SIGNER,
      )
    }
    if (input.document_sha256 && input.document_sha256 !== c.document_sha256) {
      throw invalid(
        E.DOCUMENT_ALTERED,
        `El documento que firmaste (huella ${input.document_sha256.slice(0, 12)}…) no es el vigente del contrato ${c.number} (huella ${c.document_sha256.slice(0, 12)}…); descárgalo de nuevo y vuelve a firmar.`,
      )
    }
    const intact =
      digestOf(c.data) === c.data_sha256 &&
      sha256Hex(Buffer.from(c.html, "utf8")) === c.html_sha256 &&
      sha256Hex(Buffer.from(c.pdf_base64, "base64")) === c.pdf_sha256 &&
      documentDigest(c) === c.document_sha256
    if (!intact) {
      throw invalid(
        E.DOCUMENT_MISMATCH,
        `El documento almacenado del contrato ${c.number} no coincide con sus huellas; no se puede firmar. Reporta el incidente a la SHCP.`,
      )
    }
    const context: SigningContext = {
      payload: signingPayload(c),
      role,
      contract: {
        id: c.id,
        number: c.number,
        kind: c.kind,
        parent_id: c.parent_id,
        agency_id: c.agency_id,
        supplier_id: c.supplier_id,
        framework_contract_id: c.framework_contract_id,
        budget_key_id: c.budget_key_id,
        subtotal: String(c.subtotal),
        iva: String(c.iva),
        total: String(c.total),
        currency_code: c.currency_code,
        status: c.status,
        document_sha256: c.document_sha256,
      },
    }
    return new StepResponse(context)
  },
)
