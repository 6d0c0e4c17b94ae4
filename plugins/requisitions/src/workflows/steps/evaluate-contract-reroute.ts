import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SPECIFIC_CONTRACT_MODULE, type SpecificContractModuleService } from "@tienda/contracts/modules/specific-contract"
import type { CreateSpecificContractWorkflowInput, PaymentPlan } from "@tienda/contracts/workflows"
import { checkEligibility } from "@tienda/framework-contracts/catalog"
import type { AccessContext } from "@tienda/organizations/utils"
import { assertSameAgency } from "../../requisitions/authority"
import { STATUS_ES } from "../../requisitions/cart-gate"
import { sumAmounts } from "../../requisitions/money"
import { rq } from "./service"

export type RerouteContractInput = {
  requisition_id: string
  contract_id: string
  access: AccessContext
  actor: CreateSpecificContractWorkflowInput["actor"]
  agency_unit_id?: string | null
}

type OfferRow = { id: string; supplier_id: string; item_id: string; price: unknown; status: string }
type ContractLine = { offer_id: string; item_id: string; quantity: number; delivery_date: string | null }

/** Code first, then the Spanish message (docs/conventions.md, errors). */
const refuse = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message, code)
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
  if (r.status !== "contracted") {
    refuse(
      "REQUISICION_EN_OTRO_ESTADO",
      `La requisición ${r.number} está ${STATUS_ES[r.status] ?? r.status}; solo se reasignan contratos de una requisición contratada.`,
    )
  }
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
  if (!["draft", "pending_signatures", "partially_signed"].includes(c.status)) {
    refuse(
      "CONTRATO_NO_REASIGNABLE",
      c.status === "in_force"
        ? `El contrato ${c.number} ya está en vigor; no se reasigna.`
        : `El contrato ${c.number} ya está cancelado; no se reasigna.`,
    )
  }
  const verdict = await checkEligibility(container as never, {
    supplier_id: c.supplier_id,
    contract_id: c.framework_contract_id,
    purpose: "contract",
  })
  if (verdict.eligible) {
    refuse(
      "PROVEEDOR_AUN_ELEGIBLE",
      `El proveedor del contrato ${c.number} sigue habilitado para contratar: el contrato se firma o se cancela, no se reasigna.`,
    )
  }
  const data = c.data as unknown as { lines: ContractLine[]; delivery: { place: string }; payment_plan?: PaymentPlan }
  const items = [...new Set(data.lines.map((l) => l.item_id))]

  // what the requisition reserved for these lines: its lines of the contract's offers, else of its items
  // that no other live contract of the requisition sells
  const reqLines = (r.lines ?? []) as unknown as { offer_id: string; item_id: string; total: unknown }[]
  const otherOffers = new Set(
    mine
      .filter((x) => x.id !== c.id && x.status !== "cancelled")
      .flatMap((x) => (x.data as unknown as { lines: ContractLine[] }).lines.map((l) => l.offer_id)),
  )
  const offerIds = new Set(data.lines.map((l) => l.offer_id))
  const covered = reqLines.filter((l) => offerIds.has(l.offer_id))
  const share = covered.length ? covered : reqLines.filter((l) => items.includes(l.item_id) && !otherOffers.has(l.offer_id))
  const approved_total = sumAmounts(share.map((l) => String(l.total)))

  // the next eligible supplier: every item offered, eligible, never cancelled on this requisition, cheapest
  const excluded = new Set([c.supplier_id, ...mine.filter((x) => x.status === "cancelled").map((x) => x.supplier_id)])
  const fc = container.resolve("framework_contract") as { listOffers: (f: object, c: object) => Promise<OfferRow[]> }
  const offers = (
    await fc.listOffers({ item_id: items, status: "active" }, { select: ["id", "supplier_id", "item_id", "price", "status"], take: null })
  ).filter((o) => !excluded.has(o.supplier_id))
  const bySupplier = new Map<string, OfferRow[]>()
  for (const o of offers) {
    bySupplier.set(o.supplier_id, [...(bySupplier.get(o.supplier_id) ?? []), o])
  }
  const candidates = [...bySupplier.entries()]
    .filter(([, os]) => items.every((i) => os.some((o) => o.item_id === i)))
    .map(([supplier_id, os]) => ({
      supplier_id,
      offers: os,
      total: data.lines.reduce(
        (s, l) => s.plus(MathBN.convert(String(os.find((o) => o.item_id === l.item_id)!.price)).times(l.quantity)),
        MathBN.convert(0),
      ),
    }))
    .sort((a, b) => a.total.comparedTo(b.total) || a.supplier_id.localeCompare(b.supplier_id))
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
  if (!next) {
    refuse(
      "SIN_PROVEEDOR_ELEGIBLE",
      `Ningún otro proveedor habilitado del contrato marco ofrece las partidas del contrato ${c.number}: la dependencia puede cancelarlo o retirar la requisición.`,
    )
  }
  const reason = `Reasignado: ${verdict.reasons[0].message}`
  return new StepResponse({
    requisition: { id: r.id, number: r.number },
    previous: { id: c.id, number: c.number, supplier_id: c.supplier_id, reason_code: verdict.reasons[0].code },
    cancel: { contract_id: c.id, reason, actor: input.actor },
    contract: {
      agency_id: r.organization_id,
      agency_unit_id: input.agency_unit_id ?? c.agency_unit_id ?? null,
      supplier_id: next!.supplier_id,
      framework_contract_id: c.framework_contract_id,
      budget_key_id: r.budget_key_id,
      requisition_id: r.id,
      approved_total,
      award_id: null,
      lines: data.lines.map((l) => ({
        offer_id: next!.offers.find((o) => o.item_id === l.item_id)!.id,
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
