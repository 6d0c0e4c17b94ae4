import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /store/requisitions` answers per requisition without `?fields=` (its columns). */
export const defaultStoreRequisitionFields = [
  "id",
  "number",
  "organization_id",
  "unit_id",
  "requester_person_id",
  "cart_id",
  "status",
  "justification",
  "delivery_address",
  "budget_key_id",
  "reservation_key",
  "reservation_id",
  "reserved_amount",
  "subtotal",
  "iva",
  "total",
  "currency_code",
  "policy_id",
  "policy_version",
  "revision",
  "competition_lots",
  "flags",
  "submitted_at",
  "decided_at",
  "created_at",
  "updated_at",
] as const

export const listStoreRequisitionsQueryConfig: ListQueryConfig = { defaults: defaultStoreRequisitionFields, isList: true }

/** What `GET /store/requisitions/:id` answers without `?fields=`: the columns, its lines and its approval timeline. */
export const defaultStoreRequisitionDetailFields = [...defaultStoreRequisitionFields, "lines", "approval_steps"] as const

export const retrieveStoreRequisitionQueryConfig: ListQueryConfig = { defaults: defaultStoreRequisitionDetailFields, isList: false }
