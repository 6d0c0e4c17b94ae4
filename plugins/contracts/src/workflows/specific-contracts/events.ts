/**
 * Events of the specific-contracts capability. `in_force` carries what the
 * budget commit needs: { id, number, kind, parent_id, agency_id,
 * supplier_id, framework_contract_id, budget_key_id, subtotal, iva, total,
 * currency_code, in_force_at }.
 */
export const SPECIFIC_CONTRACT_EVENTS = {
  CREATED: "specific_contract.created",
  SIGNED: "specific_contract.signed",
  IN_FORCE: "specific_contract.in_force",
  CANCELLED: "specific_contract.cancelled",
} as const
