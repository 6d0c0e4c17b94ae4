import { MathBN } from "@medusajs/framework/utils"
import { STATUS_ES } from "./cart-gate"
import { notAllowed } from "./errors"
import { sumAmounts } from "./money"

/**
 * The rules of re-routing a contract whose supplier lost eligibility, pure
 * (docs/conventions.md, "Pure rules, thin steps"): the step
 * `evaluate-contract-reroute` loads the requisition, its contracts, the
 * eligibility verdicts and the offers, and calls these.
 */

export type RerouteOffer = { id: string; supplier_id: string; item_id: string; price: unknown; status: string }
export type RerouteContractLine = { offer_id: string; item_id: string; quantity: number; delivery_date: string | null }
type ContractFacts = { id: string; number: string; status: string; supplier_id: string; data: unknown }

const REROUTABLE = ["draft", "pending_signatures", "partially_signed"]

/** Only a contracted requisition's contracts are re-routed. */
export function assertRequisitionContracted(r: { number: string; status: string }): void {
  if (r.status !== "contracted") {
    notAllowed(
      "REQUISICION_EN_OTRO_ESTADO",
      `La requisición ${r.number} está ${STATUS_ES[r.status] ?? r.status}; solo se reasignan contratos de una requisición contratada.`,
    )
  }
}

/** A contract in force or cancelled is not re-routed. */
export function assertContractReroutable(c: { number: string; status: string }): void {
  if (!REROUTABLE.includes(c.status)) {
    notAllowed(
      "CONTRATO_NO_REASIGNABLE",
      c.status === "in_force"
        ? `El contrato ${c.number} ya está en vigor; no se reasigna.`
        : `El contrato ${c.number} ya está cancelado; no se reasigna.`,
    )
  }
}

/** Nothing to re-route while the supplier may still contract: the contract is signed or cancelled. */
export function assertSupplierIneligible(c: { number: string }, eligible: boolean): void {
  if (eligible) {
    notAllowed(
      "PROVEEDOR_AUN_ELEGIBLE",
      `El proveedor del contrato ${c.number} sigue habilitado para contratar: el contrato se firma o se cancela, no se reasigna.`,
    )
  }
}

/**
 * What the requisition reserved for the contract's lines: its lines of the
 * contract's offers, else of its items that no other live contract of the
 * requisition sells.
 */
export function reservedForContract(
  requisitionLines: { offer_id: string; item_id: string; total: unknown }[],
  contract: ContractFacts,
  contracts: ContractFacts[],
): string {
  const lines = (contract.data as { lines: RerouteContractLine[] }).lines
  const items = new Set(lines.map((l) => l.item_id))
  const otherOffers = new Set(
    contracts
      .filter((x) => x.id !== contract.id && x.status !== "cancelled")
      .flatMap((x) => (x.data as { lines: RerouteContractLine[] }).lines.map((l) => l.offer_id)),
  )
  const offerIds = new Set(lines.map((l) => l.offer_id))
  const covered = requisitionLines.filter((l) => offerIds.has(l.offer_id))
  const share = covered.length ? covered : requisitionLines.filter((l) => items.has(l.item_id) && !otherOffers.has(l.offer_id))
  return sumAmounts(share.map((l) => String(l.total)))
}

/** Suppliers never to re-route to: the contract's own and any whose contract of this requisition was cancelled. */
export function excludedSuppliers(contract: ContractFacts, contracts: ContractFacts[]): Set<string> {
  return new Set([contract.supplier_id, ...contracts.filter((x) => x.status === "cancelled").map((x) => x.supplier_id)])
}

/**
 * The replacement candidates, best first: suppliers (not excluded) that offer
 * every item of the lines, by the lowest total at their prices, ties by
 * supplier id. Eligibility is checked by the step on this order.
 */
export function rankReplacements(lines: RerouteContractLine[], offers: RerouteOffer[], excluded: Set<string>) {
  const items = [...new Set(lines.map((l) => l.item_id))]
  const bySupplier = new Map<string, RerouteOffer[]>()
  for (const o of offers.filter((o) => !excluded.has(o.supplier_id))) {
    bySupplier.set(o.supplier_id, [...(bySupplier.get(o.supplier_id) ?? []), o])
  }
  return [...bySupplier.entries()]
    .filter(([, os]) => items.every((i) => os.some((o) => o.item_id === i)))
    .map(([supplier_id, os]) => ({
      supplier_id,
      offers: os,
      total: lines.reduce(
        (s, l) => s.plus(MathBN.convert(String(os.find((o) => o.item_id === l.item_id)!.price)).times(l.quantity)),
        MathBN.convert(0),
      ),
    }))
    .sort((a, b) => a.total.comparedTo(b.total) || a.supplier_id.localeCompare(b.supplier_id))
}

/** Nobody left to re-route to. */
export function assertReplacementFound<T>(next: T | null, c: { number: string }): asserts next is T {
  if (!next) {
    notAllowed(
      "SIN_PROVEEDOR_ELEGIBLE",
      `Ningún otro proveedor habilitado del contrato marco ofrece las partidas del contrato ${c.number}: la dependencia puede cancelarlo o retirar la requisición.`,
    )
  }
}
