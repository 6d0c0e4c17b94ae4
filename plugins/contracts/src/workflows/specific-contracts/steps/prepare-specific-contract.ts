import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { DateTime } from "luxon"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import {
  assertBudgetKey,
  assertContractRequest,
  assertLotThresholds,
  assertWithinFrameworkMaximum,
  assertWithinRequisition,
  type BudgetKeyFacts,
  buildLines,
  buildTotals,
  CONTRACT_TIME_ZONE,
  contractNumberScope,
  DEFAULT_POSITIONS,
  fiscalAddress,
  contractLineRequests,
  invalid,
  issuingUnits,
  loadOrganization,
  type OfferRow,
  pickSigner,
  representativeOf,
  satUnitName,
  signersWith,
  SPECIFIC_CONTRACT_ERRORS as E,
  SPECIFIC_CONTRACT_TEMPLATE_CODE,
  stateName,
  type ContractData,
  type UnitFacts,
} from "../../../specific-contract"
import { DEFAULT_PAYMENT_PLAN, DEFAULT_PENALTIES, type CreateSpecificContractWorkflowInput } from "../types"
import type { CreateSpecificContractRecordStepInput } from "./create-specific-contract-record"

export type PreparedContract = {
  /** The data without its number (allocated by the next step). */
  data: Omit<ContractData, "number">
  scope: string
  template: { id: string; body: string }
  issued_at: string
  /** The contract's own columns (an amendment adds its parent and sequence). */
  record: Omit<CreateSpecificContractRecordStepInput["record"], "parent_id" | "amendment_sequence">
}

export const prepareSpecificContractStepId = "contracts-prepare-specific-contract"
/**
 * This step reads everything the contract will say — parties and their
 * signers, framework contract, offers (price, classification, unit, IVA),
 * budget key, template in force — checks it (agency scope, enrolment,
 * supplier eligibility, offers of that supplier and contract, minimum
 * quantities, partida of the budget key) and freezes it into the data
 * snapshot. Read-only: nothing to compensate.
 */
export const prepareSpecificContractStep = createStep(
  prepareSpecificContractStepId,
  async (input: CreateSpecificContractWorkflowInput, { container }) => new StepResponse(await prepareContract(container, input)),
)

/**
 * Everything a contract will say, read and checked (see
 * prepareSpecificContractStep). Also used for the contracts of every
 * supplier of a requisition at once.
 */
export async function prepareContract(container: MedusaContainer, input: CreateSpecificContractWorkflowInput): Promise<PreparedContract> {
  {
    const at = input.at ? new Date(input.at) : new Date()
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const penalties = input.penalties ?? DEFAULT_PENALTIES
    assertContractRequest({ ...input, penalties })

    const agency = await loadOrganization(container, input.agency_id, "agency")
    const supplier = await loadOrganization(container, input.supplier_id, "supplier")

    const { data: units } = await query.graph({
      entity: "organization_unit",
      fields: ["id", "code", "name", "kind", "state_code", "address", "is_active"],
      filters: { organization_id: agency.id },
    })
    const { unit, deliveryUnit } = issuingUnits(units as unknown as UnitFacts[], {
      agency_unit_id: input.agency_unit_id,
      delivery_unit_id: input.delivery.unit_id,
    })

    // framework contract and the agency's enrolment in it
    const { data: frameworks } = await query.graph({
      entity: "framework_contract",
      fields: ["id", "number", "title", "legal_basis", "max_amount"],
      filters: { id: input.framework_contract_id },
    })
    const framework = frameworks[0]
    if (!framework) {
      throw invalid(E.OFFER_INVALID, "El contrato marco indicado no existe.")
    }
    const { data: enrolled } = await query.graph({
      entity: "unit_enrolment",
      fields: ["id"],
      filters: { contract_id: framework.id, organization_id: agency.id },
    })
    if (!enrolled.length) {
      throw invalid(E.UNIT_NOT_ENROLLED, `Ninguna unidad de ${agency.legal_name} está adherida al contrato marco ${framework.number}.`)
    }

    // offers: of this supplier, under this framework contract, active, minimum quantity
    const { data: offerRows } = await query.graph({
      entity: "offer",
      fields: [
        "id",
        "supplier_id",
        "price",
        "status",
        "min_order_qty",
        "delivery_days",
        "item.id",
        "item.code",
        "item.name",
        "item.description",
        "item.unspsc_code",
        "item.cog_partida",
        "item.sat_clave_unidad",
        "item.iva_treatment",
        "item.ceiling_price",
        "item.lot.id",
        "item.lot.number",
        "item.lot.contract_id",
        "item.lot.competition_threshold",
      ],
      filters: { id: input.lines.map((l) => l.offer_id) },
    })
    const requests = contractLineRequests(input.lines, offerRows as OfferRow[], { supplier, framework, award_id: input.award_id })
    // Eligibility (enrolment, sanctions, offers in force) is the catalog's one
    // rule, applied by the caller (requisitions) before generating and again
    // when the contract enters into force.

    // budget key of the agency, same partida as every item
    const { data: keys } = await query.graph({
      entity: "budget_key",
      fields: ["id", "organization_id", "clave", "partida_especifica", "fiscal_year", "is_active"],
      filters: { id: input.budget_key_id },
    })
    const key = keys[0] as (BudgetKeyFacts & { fiscal_year: unknown }) | undefined
    assertBudgetKey(key, agency.id, requests)

    // designated signers: who holds the signing permission today (not at the issue date)
    const agencySigners = await signersWith(container, agency.id, PERMISSIONS.CONTRACTS_SIGN_AGENCY, new Date(), DEFAULT_POSITIONS.agency)
    const agencySigner = pickSigner(
      agencySigners,
      input.agency_signer_person_id,
      (s) => s.id === input.actor.person_id || s.unit_ids.includes(unit.id),
      "la dependencia",
    )
    const supplierSigners = await signersWith(
      container,
      supplier.id,
      PERMISSIONS.CONTRACTS_SIGN_SUPPLIER,
      new Date(),
      DEFAULT_POSITIONS.supplier,
    )
    const supplierSigner = pickSigner(supplierSigners, input.supplier_signer_person_id, () => true, "el proveedor")

    const template = await container
      .resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
      .templateInForce(SPECIFIC_CONTRACT_TEMPLATE_CODE, at)
    if (!template) {
      throw invalid(E.TEMPLATE_NOT_FOUND, "No hay una plantilla de contrato específico vigente.")
    }

    const issued = DateTime.fromJSDate(at).setZone(CONTRACT_TIME_ZONE)
    const lines = buildLines(requests, { date: input.delivery.date ?? null, state_code: deliveryUnit.state_code ?? null }, satUnitName)
    const totals = buildTotals(lines)
    assertLotThresholds(requests, input.award_id)
    assertWithinRequisition(totals.total, input.approved_total)
    if (framework.max_amount !== undefined && framework.max_amount !== null) {
      const issuedUnder = await container
        .resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
        .listSpecificContracts(
          { framework_contract_id: framework.id, kind: "contract", status: { $ne: "cancelled" } },
          { select: ["id", "subtotal"], take: null },
        )
      assertWithinFrameworkMaximum(
        framework,
        issuedUnder.map((c) => c.subtotal),
        totals.subtotal,
      )
    }
    const data: Omit<ContractData, "number"> = {
      kind: "contract",
      issued_on: issued.toISODate() as string,
      issued_place: stateName(unit.state_code) ?? "Ciudad de México",
      agency: {
        organization_id: agency.id,
        legal_name: agency.legal_name,
        rfc: agency.rfc,
        fiscal_address: fiscalAddress(agency),
        agency_type: agency.agency_type,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        representative: representativeOf(agencySigner),
      },
      supplier: {
        organization_id: supplier.id,
        legal_name: supplier.legal_name,
        rfc: supplier.rfc,
        fiscal_address: fiscalAddress(supplier),
        representative: representativeOf(supplierSigner),
      },
      framework_contract: { id: framework.id, number: framework.number, title: framework.title, legal_basis: framework.legal_basis },
      budget: { key_id: key.id, clave: key.clave, partida: key.partida_especifica, fiscal_year: Number(key.fiscal_year) },
      lines,
      totals,
      delivery: { place: input.delivery.place, unit_id: deliveryUnit.id, date: input.delivery.date ?? null, days: null },
      penalties,
      payment_plan: input.payment_plan ?? DEFAULT_PAYMENT_PLAN,
      payment_days: 20,
      requisition_id: input.requisition_id ?? null,
      template: { code: template.code, version: template.version },
      amendment: null,
    }
    const prepared: PreparedContract = {
      data,
      scope: contractNumberScope(agency.rfc, issued.year),
      template: { id: template.id, body: template.body },
      issued_at: at.toISOString(),
      record: {
        agency_id: agency.id,
        agency_unit_id: unit.id,
        supplier_id: supplier.id,
        framework_contract_id: framework.id,
        budget_key_id: key.id,
        requisition_id: input.requisition_id ?? null,
        agency_signer_person_id: agencySigner.id,
        supplier_signer_person_id: supplierSigner.id,
        created_by_person_id: input.actor.person_id,
      },
    }
    return prepared
  }
}
