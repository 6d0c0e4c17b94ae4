/** Who performs an action on a contract (from req.access, or a system actor). */
export type ContractActor = {
  person_id: string
  actor_type: string
  actor_id: string
  role: string | null
  organization_id: string
}

/**
 * What creates a specific contract: exactly what an approved requisition
 * holds for one supplier (agency, issuing unit, supplier, framework
 * contract, offer lines with quantities and optional dates, the budget key
 * reserved for it and where to deliver).
 */
export type CreateSpecificContractWorkflowInput = {
  agency_id: string
  /** Unit that issues the contract (a purchasing unit); default: the agency's first purchasing unit. */
  agency_unit_id?: string | null
  supplier_id: string
  framework_contract_id: string
  budget_key_id: string
  /**
   * The approved requisition the contract comes from (required: there is no
   * other way to create a contract) and what it approved for this supplier
   * (total with IVA): the contract may not exceed it.
   */
  requisition_id: string
  approved_total: string
  /**
   * The second-stage award the contract comes from (a confirmed award of a
   * mini-competition): it lifts the lot threshold and lets the lines carry
   * the winning bid's prices.
   */
  award_id?: string | null
  /**
   * `unit_price` (before IVA, two decimals) is the awarded price of the line;
   * only with `award_id`, never above the item's ceiling price in force.
   * Without it the line is priced at the offer's price in force.
   */
  lines: { offer_id: string; quantity: number; delivery_date?: string | null; unit_price?: string | null }[]
  delivery: { place: string; unit_id?: string | null; date?: string | null }
  penalties?: { rate_per_day_percent: string; cap_percent: string } | null
  /**
   * How the agency pays (chosen by its Purchasing Unit when the contract is
   * generated): `una_exhibicion` → CFDI with MetodoPago PUE,
   * `parcialidades_o_diferido` → PPD plus a complemento de pago per payment.
   * Default `una_exhibicion`.
   */
  payment_plan?: PaymentPlan | null
  agency_signer_person_id?: string | null
  supplier_signer_person_id?: string | null
  actor: ContractActor
  /** Issue time (ISO); default now. Tests pin it for stable documents. */
  at?: string | null
}

/** The contract's payment plans (c_MetodoPago: PUE, PPD), chosen at generation. */
export const PAYMENT_PLANS = ["una_exhibicion", "parcialidades_o_diferido"] as const
export type PaymentPlan = (typeof PAYMENT_PLANS)[number]
export const DEFAULT_PAYMENT_PLAN: PaymentPlan = "una_exhibicion"

export const DEFAULT_PENALTIES = { rate_per_day_percent: "1.00", cap_percent: "10.00" }
