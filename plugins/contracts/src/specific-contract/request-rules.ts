import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { linePrice, type OfferFacts } from "./build"
import { invalid, notAllowed, SPECIFIC_CONTRACT_ERRORS as E } from "../errors"

/**
 * The rules a specific-contract request must meet, as pure functions of the
 * request and the facts loaded for it. `prepare-specific-contract.ts` loads
 * the facts and calls these in order; each throws the refusal (code and
 * Spanish message) the contract answers with.
 */

const PERCENT = /^\d{1,2}(\.\d{1,2})?$/

export type ContractRequestHead = {
  agency_id: string
  requisition_id?: string | null
  approved_total?: string | null
  lines: unknown[]
  penalties: { rate_per_day_percent: string; cap_percent: string }
  payment_plan?: string | null
  actor: { organization_id: string }
}

/**
 * Own agency only, from an approved requisition, at least one line,
 * penalties as percentages with a cap ≤ 20 %, a known payment plan.
 */
export function assertContractRequest(input: ContractRequestHead): void {
  if (input.actor.organization_id !== input.agency_id) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "Solo puedes emitir contratos de tu propia dependencia.",
      "DEPENDENCIA_FUERA_DE_ALCANCE",
    )
  }
  if (!input.requisition_id || !input.approved_total) {
    throw notAllowed(
      E.REQUISITION_REQUIRED,
      "Un contrato específico solo se genera desde una requisición aprobada: elabórala, envíala a aprobación y genera los contratos desde ella.",
    )
  }
  if (!input.lines.length) {
    throw invalid(E.OFFER_INVALID, "El contrato debe tener al menos una partida.")
  }
  const p = input.penalties
  if (!PERCENT.test(p.rate_per_day_percent) || !PERCENT.test(p.cap_percent) || MathBN.gt(p.cap_percent, 20)) {
    throw invalid(
      E.PARTY_INVALID,
      "Las penas convencionales deben ser porcentajes con hasta dos decimales; el tope no puede exceder el 20 %.",
    )
  }
  if (input.payment_plan != null && input.payment_plan !== "una_exhibicion" && input.payment_plan !== "parcialidades_o_diferido") {
    throw invalid(
      E.PAYMENT_PLAN_INVALID,
      `El plan de pago «${input.payment_plan}» no existe: elige una_exhibicion (PUE) o parcialidades_o_diferido (PPD).`,
    )
  }
}

export type UnitFacts = { id: string; code: string; name: string; kind: string; state_code: string | null; is_active: boolean }

/**
 * The issuing unit (the one asked for, else the agency's purchasing unit,
 * else its first active unit) and the delivery unit (the one asked for,
 * else the issuing unit), both active units of the agency.
 */
export function issuingUnits<U extends UnitFacts>(
  units: U[],
  requested: { agency_unit_id?: string | null; delivery_unit_id?: string | null },
): { unit: U; deliveryUnit: U } {
  const active = units.filter((u) => u.is_active)
  const unit = requested.agency_unit_id
    ? active.find((u) => u.id === requested.agency_unit_id)
    : (active.find((u) => u.kind === "purchasing_unit") ?? active[0])
  if (!unit) {
    throw invalid(E.PARTY_INVALID, "La unidad que emite el contrato no pertenece a tu dependencia o no está activa.")
  }
  const deliveryUnit = requested.delivery_unit_id ? active.find((u) => u.id === requested.delivery_unit_id) : unit
  if (!deliveryUnit) {
    throw invalid(E.PARTY_INVALID, "La unidad de entrega no pertenece a tu dependencia o no está activa.")
  }
  return { unit, deliveryUnit }
}

export type LotFacts = { id: string; number: number; competition_threshold: unknown }
export type OfferRow = Record<string, unknown> & { id: string }
export type RequestedLine = { offer_id: string; quantity: number; delivery_date?: string | null; unit_price?: string | null }
export type ContractLineRequest = { offer: OfferFacts; quantity: number; delivery_date: string | null; lot: LotFacts }

/**
 * Each requested line against its offer row (`offer` with `item` and
 * `item.lot`): an offer appears once, is the supplier's under this framework
 * contract, the quantity is a whole number of at least the offer's minimum,
 * and the price is the offer's in force or an awarded one (`linePrice`).
 */
export function contractLineRequests(
  lines: RequestedLine[],
  offerRows: OfferRow[],
  ctx: { supplier: { id: string; legal_name: string }; framework: { id: string; number: string }; award_id?: string | null },
): ContractLineRequest[] {
  const offerIds = lines.map((l) => l.offer_id)
  if (new Set(offerIds).size !== offerIds.length) {
    throw invalid(E.OFFER_INVALID, "Cada oferta debe aparecer una sola vez en el contrato; suma las cantidades en una partida.")
  }
  const { supplier, framework } = ctx
  return lines.map((l) => {
    const row = offerRows.find((o) => o.id === l.offer_id)
    const item = row?.item as (Record<string, unknown> & { lot?: { contract_id: string } }) | undefined
    if (!row || !item || row.supplier_id !== supplier.id || item.lot?.contract_id !== framework.id) {
      throw invalid(E.OFFER_INVALID, `La oferta ${l.offer_id} no es de ${supplier.legal_name} en el contrato marco ${framework.number}.`)
    }
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity < Number(row.min_order_qty ?? 1)) {
      throw invalid(E.OFFER_INVALID, `«${item.name}»: la cantidad debe ser un entero de al menos ${row.min_order_qty ?? 1}.`)
    }
    const offer: OfferFacts = {
      id: row.id,
      supplier_id: row.supplier_id as string,
      price: linePrice({
        item_name: item.name as string,
        offer_price: String(row.price),
        awarded_price: l.unit_price,
        ceiling_price: item.ceiling_price === null || item.ceiling_price === undefined ? null : String(item.ceiling_price),
        award_id: ctx.award_id,
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
    const lot = item.lot as unknown as LotFacts
    return { offer, quantity: l.quantity, delivery_date: l.delivery_date ?? null, lot }
  })
}

export type BudgetKeyFacts = { id: string; organization_id: string; clave: string; partida_especifica: string; is_active: boolean }

/** The budget key is the agency's, active, and of the same partida as every item. */
export function assertBudgetKey<K extends BudgetKeyFacts>(
  key: K | undefined,
  agencyId: string,
  requests: { offer: OfferFacts }[],
): asserts key is K {
  if (!key || key.organization_id !== agencyId || !key.is_active) {
    throw invalid(E.BUDGET_KEY_INVALID, "La clave presupuestaria no existe, no está activa o es de otra dependencia.")
  }
  const foreign = requests.find((r) => r.offer.item.cog_partida !== key.partida_especifica)
  if (foreign) {
    throw invalid(
      E.BUDGET_KEY_INVALID,
      `«${foreign.offer.item.name}» es de la partida ${foreign.offer.item.cog_partida} y la clave presupuestaria ${key.clave} es de la partida ${key.partida_especifica}.`,
    )
  }
}

const mxn = (v: unknown) => MathBN.convert(String(v)).toFixed(2)

/** Without an award, no lot sums more than its second-stage competition threshold (before IVA). */
export function assertLotThresholds(
  requests: { lot: LotFacts; offer: { price: string }; quantity: number }[],
  awardId?: string | null,
): void {
  if (awardId) {
    return
  }
  const byLot = new Map<string, { number: number; threshold: string; amount: ReturnType<typeof MathBN.convert> }>()
  for (const r of requests) {
    const amount = MathBN.convert(r.offer.price).times(r.quantity).decimalPlaces(2, 4)
    const prev = byLot.get(r.lot.id)
    byLot.set(r.lot.id, {
      number: r.lot.number,
      threshold: String(r.lot.competition_threshold),
      amount: prev ? prev.amount.plus(amount) : amount,
    })
  }
  for (const lot of byLot.values()) {
    if (MathBN.gt(lot.amount, lot.threshold)) {
      throw notAllowed(
        E.ABOVE_LOT_THRESHOLD,
        `La partida ${lot.number} suma ${lot.amount.toFixed(2)} MXN antes de IVA, por encima de su umbral de ${mxn(lot.threshold)} MXN: requiere la segunda etapa de competencia.`,
      )
    }
  }
}

/** The contract's total with IVA does not exceed what the requisition approved for this supplier. */
export function assertWithinRequisition(total: string, approvedTotal: string): void {
  if (MathBN.gt(total, approvedTotal)) {
    throw notAllowed(
      E.ABOVE_REQUISITION,
      `El contrato suma ${mxn(total)} MXN con IVA y la requisición aprobó ${mxn(approvedTotal)} MXN para este proveedor.`,
    )
  }
}

/** The contracts issued under a framework contract (subtotals, cancelled excluded) plus this one stay within its maximum. */
export function assertWithinFrameworkMaximum(
  framework: { number: string; max_amount?: unknown },
  issuedSubtotals: unknown[],
  subtotal: string,
): void {
  if (framework.max_amount === undefined || framework.max_amount === null) {
    return
  }
  const used = issuedSubtotals.reduce<ReturnType<typeof MathBN.convert>>((acc, s) => acc.plus(MathBN.convert(String(s))), MathBN.convert(0))
  if (MathBN.gt(used.plus(MathBN.convert(subtotal)), String(framework.max_amount))) {
    throw notAllowed(
      E.ABOVE_FRAMEWORK_MAXIMUM,
      `El contrato marco ${framework.number} tiene un monto máximo de ${mxn(framework.max_amount)} MXN y ya hay ${used.toFixed(2)} MXN contratados: este contrato lo excedería.`,
    )
  }
}
