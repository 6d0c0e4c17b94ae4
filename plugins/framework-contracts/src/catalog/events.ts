/**
 * Events the catalog emits after a change buyers can see. Search indexing and
 * other read models subscribe to them; payloads are ids only.
 */
export const CATALOG_EVENTS = {
  /** { offer_id, contract_id, supplier_id, item_ids } */
  OFFER_CHANGED: "framework_contract.offer_changed",
  /** { supplier_ids, supplier_rfcs } */
  SANCTION_CHANGED: "framework_contract.sanction_changed",
  /** { contract_id, status } */
  STATUS_CHANGED: "framework_contract.status_changed",
  /** { contract_id } */
  ENROLMENT_CHANGED: "framework_contract.enrolment_changed",
  /** { contract_id } */
  CREATED: "framework_contract.created",
} as const
