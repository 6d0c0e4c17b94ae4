import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { DateTime } from "luxon"
import { SPECIFIC_CONTRACT_MODULE } from "../../../modules/specific-contract"
import type SpecificContractModuleService from "../../../modules/specific-contract/service"
import {
  buildLines,
  buildTotals,
  CONTRACT_TIME_ZONE,
  contractNumberScope,
  DEFAULT_POSITIONS,
  fiscalAddress,
  invalid,
  linePrice,
  loadOrganization,
  notAllowed,
  pickSigner,
  satUnitName,
  signersWith,
  SPECIFIC_CONTRACT_ERRORS as E,
  SPECIFIC_CONTRACT_TEMPLATE_CODE,
  stateName,
  type ContractData,
  type OfferFacts,
} from "../../../specific-contract"
import { DEFAULT_PENALTIES, type CreateSpecificContractWorkflowInput } from "../types"

export type PreparedContract = {
  /** The data without its number (allocated by the next step). */
  data: Omit<ContractData, "number">
  scope: string
  template: { id: string; body: string }
  issued_at: string
  record: {
    agency_id: string
    agency_unit_id: string
    supplier_id: string
    framework_contract_id: string
    budget_key_id: string
    requisition_id: string | null
    agency_signer_person_id: string
    supplier_signer_person_id: string
    created_by_person_id: string
  }
}

type Resolver = Pick<MedusaContainer, "resolve">

/**
 * The amount limits of a contract: no lot above its second-stage
 * competition threshold (before IVA) unless an award backs it, not above
 * what the requisition approved for this supplier (total with IVA), and the
 * framework contract's maximum not exceeded by the contracts issued under it.
 */
async function assertWithinLimits(
  container: Resolver,
  input: CreateSpecificContractWorkflowInput,
  facts: {
    totals: { subtotal: string; total: string }
    requests: { lot: { id: string; number: number; competition_threshold: unknown }; offer: { price: string }; quantity: number; line_subtotal?: string }[]
    framework: { id: string; number: string; max_amount?: unknown }
  }
) {
  const mxn = (v: unknown) => MathBN.convert(String(v)).toFixed(2)
  if (!input.award_id) {
    const byLot = new Map<string, { number: number; threshold: string; amount: ReturnType<typeof MathBN.convert> }>()
    for (const r of facts.requests) {
      const amount = MathBN.convert(r.offer.price).times(r.quantity).decimalPlaces(2, 4)
      const prev = byLot.get(r.lot.id)
      byLot.set(r.lot.id, { number: r.lot.number, threshold: String(r.lot.competition_threshold), amount: prev ? prev.amount.plus(amount) : amount })
    }
    for (const lot of byLot.values()) {
      if (MathBN.gt(lot.amount, lot.threshold)) {
        throw notAllowed(
          E.ABOVE_LOT_THRESHOLD,
          `La partida ${lot.number} suma ${lot.amount.toFixed(2)} MXN antes de IVA, por encima de su umbral de ${mxn(lot.threshold)} MXN: requiere la segunda etapa de competencia.`
        )
      }
    }
  }
  if (MathBN.gt(facts.totals.total, input.approved_total as string)) {
    throw notAllowed(
      E.ABOVE_REQUISITION,
      `El contrato suma ${mxn(facts.totals.total)} MXN con IVA y la requisición aprobó ${mxn(input.approved_total)} MXN para este proveedor.`
    )
  }
  if (facts.framework.max_amount !== undefined && facts.framework.max_amount !== null) {
    const service = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
    const issued = await service.listSpecificContracts(
      { framework_contract_id: facts.framework.id, kind: "contract", status: { $ne: "cancelled" } },
      { select: ["id", "subtotal"], take: null }
    )
    const used = issued.reduce((acc, c) => acc.plus(MathBN.convert(String(c.subtotal))), MathBN.convert(0))
    if (MathBN.gt(used.plus(MathBN.convert(facts.totals.subtotal)), String(facts.framework.max_amount))) {
      throw notAllowed(
        E.ABOVE_FRAMEWORK_MAXIMUM,
        `El contrato marco ${facts.framework.number} tiene un monto máximo de ${mxn(facts.framework.max_amount)} MXN y ya hay ${used.toFixed(2)} MXN contratados: este contrato lo excedería.`
      )
    }
  }
}

const PERCENT = /^\d{1,2}(\.\d{1,2})?$/

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
  async (input: CreateSpecificContractWorkflowInput, { container }) => new StepResponse(await prepareContract(container, input))
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
    if (input.actor.organization_id !== input.agency_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Solo puedes emitir contratos de tu propia dependencia.", "DEPENDENCIA_FUERA_DE_ALCANCE")
    }
    if (!input.requisition_id || !input.approved_total) {
      throw notAllowed(
        E.REQUISITION_REQUIRED,
        "Un contrato específico solo se genera desde una requisición aprobada: elabórala, envíala a aprobación y genera los contratos desde ella."
      )
    }
    if (!input.lines.length) {
      throw invalid(E.OFFER_INVALID, "El contrato debe tener al menos una partida.")
    }
    const penalties = input.penalties ?? DEFAULT_PENALTIES
    if (!PERCENT.test(penalties.rate_per_day_percent) || !PERCENT.test(penalties.cap_percent) || MathBN.gt(penalties.cap_percent, 20)) {
      throw invalid(E.PARTY_INVALID, "Las penas convencionales deben ser porcentajes con hasta dos decimales; el tope no puede exceder el 20 %.")
    }

    const agency = await loadOrganization(container, input.agency_id, "agency")
    const supplier = await loadOrganization(container, input.supplier_id, "supplier")

    const { data: units } = await query.graph({
      entity: "organization_unit",
      fields: ["id", "code", "name", "kind", "state_code", "address", "is_active"],
      filters: { organization_id: agency.id },
    })
    const active = units.filter((u) => u.is_active)
    const unit = input.agency_unit_id
      ? active.find((u) => u.id === input.agency_unit_id)
      : active.find((u) => u.kind === "purchasing_unit") ?? active[0]
    if (!unit) {
      throw invalid(E.PARTY_INVALID, "La unidad que emite el contrato no pertenece a tu dependencia o no está activa.")
    }
    const deliveryUnit = input.delivery.unit_id ? active.find((u) => u.id === input.delivery.unit_id) : unit
    if (!deliveryUnit) {
      throw invalid(E.PARTY_INVALID, "La unidad de entrega no pertenece a tu dependencia o no está activa.")
    }

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
    const offerIds = input.lines.map((l) => l.offer_id)
    if (new Set(offerIds).size !== offerIds.length) {
      throw invalid(E.OFFER_INVALID, "Cada oferta debe aparecer una sola vez en el contrato; suma las cantidades en una partida.")
    }
    const { data: offerRows } = await query.graph({
      entity: "offer",
      fields: [
        "id", "supplier_id", "price", "status", "min_order_qty", "delivery_days",
        "item.id", "item.code", "item.name", "item.description", "item.unspsc_code", "item.cog_partida",
        "item.sat_clave_unidad", "item.iva_treatment", "item.ceiling_price", "item.lot.id", "item.lot.number", "item.lot.contract_id", "item.lot.competition_threshold",
      ],
      filters: { id: offerIds },
    })
    const requests = input.lines.map((l) => {
      const row = offerRows.find((o) => o.id === l.offer_id) as Record<string, unknown> | undefined
      const item = row?.item as (Record<string, unknown> & { lot?: { contract_id: string } }) | undefined
      if (!row || !item || row.supplier_id !== supplier.id || item.lot?.contract_id !== framework.id) {
        throw invalid(E.OFFER_INVALID, `La oferta ${l.offer_id} no es de ${supplier.legal_name} en el contrato marco ${framework.number}.`)
      }
      if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity < Number(row.min_order_qty ?? 1)) {
        throw invalid(E.OFFER_INVALID, `«${item.name}»: la cantidad debe ser un entero de al menos ${row.min_order_qty ?? 1}.`)
      }
      const offer: OfferFacts = {
        id: row.id as string,
        supplier_id: row.supplier_id as string,
        price: linePrice({
          item_name: item.name as string,
          offer_price: String(row.price),
          awarded_price: l.unit_price,
          ceiling_price: item.ceiling_price === null || item.ceiling_price === undefined ? null : String(item.ceiling_price),
          award_id: input.award_id,
        }),
        status: row.status as string,
        min_order_qty: Number(row.min_order_qty ?? 1),
        delivery_days: (row.delivery_days ?? null) as Record<string, number> | null,
        item: {
          id: item.id as string,
          code: item.code as string,
          name: item.name as string,
          description: item.description as string,
          unspsc_code: item.unspsc_code as string,
          cog_partida: item.cog_partida as string,
          sat_clave_unidad: item.sat_clave_unidad as string,
          iva_treatment: item.iva_treatment as OfferFacts["item"]["iva_treatment"],
          contract_id: framework.id,
        },
      }
      const lot = item.lot as unknown as { id: string; number: number; competition_threshold: unknown }
      return { offer, quantity: l.quantity, delivery_date: l.delivery_date ?? null, lot }
    })
    // Eligibility (enrolment, sanctions, offers in force) is the catalog's one
    // rule, applied by the caller (requisitions) before generating and again
    // when the contract enters into force.

    // budget key of the agency, same partida as every item
    const { data: keys } = await query.graph({
      entity: "budget_key",
      fields: ["id", "organization_id", "clave", "partida_especifica", "fiscal_year", "is_active"],
      filters: { id: input.budget_key_id },
    })
    const key = keys[0]
    if (!key || key.organization_id !== agency.id || !key.is_active) {
      throw invalid(E.BUDGET_KEY_INVALID, "La clave presupuestaria no existe, no está activa o es de otra dependencia.")
    }
    const foreign = requests.find((r) => r.offer.item.cog_partida !== key.partida_especifica)
    if (foreign) {
      throw invalid(
        E.BUDGET_KEY_INVALID,
        `«${foreign.offer.item.name}» es de la partida ${foreign.offer.item.cog_partida} y la clave presupuestaria ${key.clave} es de la partida ${key.partida_especifica}.`
      )
    }

    // designated signers: who holds the signing permission today (not at the issue date)
    const agencySigners = await signersWith(container, agency.id, PERMISSIONS.CONTRACTS_SIGN_AGENCY, new Date(), DEFAULT_POSITIONS.agency)
    const agencySigner = pickSigner(
      agencySigners,
      input.agency_signer_person_id,
      (s) => s.id === input.actor.person_id || s.unit_ids.includes(unit.id),
      "la dependencia"
    )
    const supplierSigners = await signersWith(container, supplier.id, PERMISSIONS.CONTRACTS_SIGN_SUPPLIER, new Date(), DEFAULT_POSITIONS.supplier)
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
    await assertWithinLimits(container, input, { totals, requests, framework })
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
        representative: { person_id: agencySigner.id, full_name: agencySigner.full_name, position: agencySigner.position, rfc: agencySigner.rfc },
      },
      supplier: {
        organization_id: supplier.id,
        legal_name: supplier.legal_name,
        rfc: supplier.rfc,
        fiscal_address: fiscalAddress(supplier),
        representative: { person_id: supplierSigner.id, full_name: supplierSigner.full_name, position: supplierSigner.position, rfc: supplierSigner.rfc },
      },
      framework_contract: { id: framework.id, number: framework.number, title: framework.title, legal_basis: framework.legal_basis },
      budget: { key_id: key.id, clave: key.clave, partida: key.partida_especifica, fiscal_year: Number(key.fiscal_year) },
      lines,
      totals,
      delivery: { place: input.delivery.place, unit_id: deliveryUnit.id, date: input.delivery.date ?? null, days: null },
      penalties,
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
