import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { DateTime } from "luxon"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import {
  AMENDMENT_TEMPLATE_CODE,
  assertAmendable,
  assertAmendmentChanges,
  assertNoPendingAmendment,
  recordInForce,
  amendmentNumberScope,
  buildAmendmentData,
  contractNotFound,
  DEFAULT_POSITIONS,
  CONTRACT_TIME_ZONE,
  invalid,
  pickSigner,
  representativeOf,
  signersWith,
  SPECIFIC_CONTRACT_ERRORS as E,
  type AmendmentRequest,
  type ContractData,
} from "../../../specific-contract"
import type { ContractActor } from "../types"
import type { PreparedContract } from "./prepare-specific-contract"

export type CreateContractAmendmentWorkflowInput = AmendmentRequest & {
  contract_id: string
  actor: ContractActor
  agency_signer_person_id?: string | null
  at?: string | null
}

export const prepareContractAmendmentStepId = "contracts-prepare-contract-amendment"
/**
 * This step checks a convenio modificatorio and freezes its data: the
 * parent is the caller's agency's contract and in force, no other amendment
 * is awaiting signatures, only quantities and delivery dates change (prices
 * are fixed), and the amount stays within 20 % of the original (LAASSP art.
 * 52). The lines in force are those of the latest amendment in force.
 * Read-only.
 */
export const prepareContractAmendmentStep = createStep(
  prepareContractAmendmentStepId,
  async (input: CreateContractAmendmentWorkflowInput, { container }) => {
    const at = input.at ? new Date(input.at) : new Date()
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const [parent] = await service.listSpecificContracts({ id: input.contract_id, kind: "contract" }, { take: 1 })
    if (!parent || parent.agency_id !== input.actor.organization_id) {
      throw contractNotFound()
    }
    assertAmendable(parent)
    assertAmendmentChanges(input.changes)
    const amendments = await service.listSpecificContracts({ parent_id: parent.id }, { take: null })
    assertNoPendingAmendment(amendments)
    const base = recordInForce(parent, amendments).data as unknown as ContractData

    const agencySigners = await signersWith(
      container,
      parent.agency_id,
      PERMISSIONS.CONTRACTS_SIGN_AGENCY,
      new Date(),
      DEFAULT_POSITIONS.agency,
    )
    const agencySigner = pickSigner(
      agencySigners,
      input.agency_signer_person_id,
      (s) => s.id === parent.agency_signer_person_id || s.id === input.actor.person_id,
      "la dependencia",
    )
    const supplierSigners = await signersWith(
      container,
      parent.supplier_id,
      PERMISSIONS.CONTRACTS_SIGN_SUPPLIER,
      new Date(),
      DEFAULT_POSITIONS.supplier,
    )
    const supplierSigner = pickSigner(supplierSigners, null, (s) => s.id === parent.supplier_signer_person_id, "el proveedor")

    const template = await service.templateInForce(AMENDMENT_TEMPLATE_CODE, at)
    if (!template) {
      throw invalid(E.TEMPLATE_NOT_FOUND, "No hay una plantilla de convenio modificatorio vigente.")
    }
    const { number: _placeholder, ...data } = buildAmendmentData({
      base: {
        ...base,
        supplier: {
          ...base.supplier,
          representative: representativeOf(supplierSigner),
        },
      },
      original: { id: parent.id, number: parent.number, subtotal: String(parent.subtotal) },
      request: { changes: input.changes, reason: input.reason },
      number: "",
      sequence: 0,
      issued_on: DateTime.fromJSDate(at).setZone(CONTRACT_TIME_ZONE).toISODate() as string,
      template: { code: template.code, version: template.version },
      agency_representative: representativeOf(agencySigner),
    })
    const prepared: PreparedContract & { parent_id: string } = {
      data,
      scope: amendmentNumberScope(parent.number),
      template: { id: template.id, body: template.body },
      issued_at: at.toISOString(),
      parent_id: parent.id,
      record: {
        agency_id: parent.agency_id,
        agency_unit_id: parent.agency_unit_id,
        supplier_id: parent.supplier_id,
        framework_contract_id: parent.framework_contract_id,
        budget_key_id: parent.budget_key_id,
        requisition_id: parent.requisition_id,
        agency_signer_person_id: agencySigner.id,
        supplier_signer_person_id: supplierSigner.id,
        created_by_person_id: input.actor.person_id,
      },
    }
    return new StepResponse(prepared)
  },
)
