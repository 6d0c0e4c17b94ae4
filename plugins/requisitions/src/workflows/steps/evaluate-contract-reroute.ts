import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"
import type { CreateSpecificContractWorkflowInput, PaymentPlan } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import {
  assertContractReroutable,
  assertReplacementFound,
  assertRequisitionContracted,
  assertSupplierIneligible,
  excludedSuppliers,
  rankReplacements,
  reservedForContract,
  type RerouteContractLine,
  type RerouteOffer,
} from "../../requisitions/reroute"
import { rq } from "./service"

export type RerouteContractInput = {
  requisition_id: string
  contract_id: string
  access: AccessContext
  actor: CreateSpecificContractWorkflowInput["actor"]
  agency_unit_id?: string | null
}

export const evaluateContractRerouteStepId = "requisitions-evaluate-contract-reroute"

/**
 * This step plans (read-only) the re-routing of a contract whose supplier
 * was sanctioned or un-enrolled after the contract was generated and before
 * it came into force: the contract (of a `contracted` requisition, not in
 * force, not cancelled) is cancelled keeping the requisition's reservation,
 * and its lines go to the next eligible supplier of the same framework
 * contract — one that offers every item of it, passes the catalog's one
 * eligibility rule, has had no contract of this requisition cancelled, and
 * sells them for the lowest total (ties by supplier id) — at its prices in
 * force, within what the requisition reserved for those lines
 * (CONTRATO_EXCEDE_REQUISICION, checked when the contract is prepared).
 * Refusals: REQUISICION_EN_OTRO_ESTADO, CONTRATO_NO_EXISTE,
 * CONTRATO_NO_REASIGNABLE (in force or cancelled), PROVEEDOR_AUN_ELEGIBLE
 * (nothing to re-route: sign or cancel it), SIN_PROVEEDOR_ELEGIBLE.
 */
export const evaluateContractRerouteStep = createStep(evaluateContractRerouteStepId, async (input: RerouteContractInput, { container }) => {
  const [r] = await rq(container).listRequisitions({ id: input.requisition_id }, { relations: ["lines"], take: 1 })
  if (!r) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${input.requisition_id} no existe.`, "REQUISICION_NO_EXISTE")
  }
  assertSameAgency(input.access, r)
  assertRequisitionContracted(r)
  const contracts = container.resolve<SpecificContractModuleService>(SPECIFIC_CONTRACT_MODULE)
  const mine = await contracts.listSpecificContracts({ requisition_id: r.id, kind: "contract" }, { take: null })
  const c = mine.find((x) => x.id === input.contract_id)
  if (!c) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `El contrato ${input.contract_id} no es de la requisición ${r.number}.`,
      "CONTRATO_NO_EXISTE",
    )
  }
  assertContractReroutable(c)
  const verdict = await checkEligibility(container as never, {
    supplier_id: c.supplier_id,
    contract_id: c.framework_contract_id,
    purpose: "contract",
  })
  assertSupplierIneligible(c, verdict.eligible)
  const data = c.data as unknown as { lines: RerouteContractLine[]; delivery: { place: string }; payment_plan?: PaymentPlan }
  const items = [...new Set(data.lines.map((l) => l.item_id))]
  const reqLines = (r.lines ?? []) as unknown as { offer_id: string; item_id: string; total: unknown }[]
  const approved_total = reservedForContract(reqLines, c, mine)

  // the next eligible supplier: every item offered, eligible, never cancelled on this requisition, cheapest
  const fc = container.resolve("framework_contract") as { listOffers: (f: object, c: object) => Promise<RerouteOffer[]> }
  const offers = await fc.listOffers(
    { item_id: items, status: "active" },
    { select: ["id", "supplier_id", "item_id", "price", "status"], take: null },
  )
  const candidates = rankReplacements(data.lines, offers, excludedSuppliers(c, mine))
  let next: (typeof candidates)[number] | null = null
  for (const candidate of candidates) {
    const v = await checkEligibility(container as never, {
      supplier_id: candidate.supplier_id,
      contract_id: c.framework_contract_id,
      purpose: "contract",
    })
    if (v.eligible) {
      next = candidate
      break
    }
  }
  assertReplacementFound(next, c)
  const reason = `Reasignado: ${verdict.reasons[0].message}`
  return new StepResponse({
    requisition: { id: r.id, number: r.number },
    previous: { id: c.id, number: c.number, supplier_id: c.supplier_id, reason_code: verdict.reasons[0].code },
    cancel: { contract_id: c.id, reason, actor: input.actor },
    contract: {
      agency_id: r.organization_id,
      agency_unit_id: input.agency_unit_id ?? c.agency_unit_id ?? null,
      supplier_id: next.supplier_id,
      framework_contract_id: c.framework_contract_id,
      budget_key_id: r.budget_key_id,
      requisition_id: r.id,
      approved_total,
      award_id: null,
      lines: data.lines.map((l) => ({
        offer_id: next.offers.find((o) => o.item_id === l.item_id)!.id,
        quantity: l.quantity,
        delivery_date: l.delivery_date ?? undefined,
      })),
      delivery: { place: data.delivery.place, date: null },
      // the agency's choice stays with the requisition's contract
      payment_plan: data.payment_plan ?? null,
      actor: input.actor,
    } as CreateSpecificContractWorkflowInput,
  })
})
