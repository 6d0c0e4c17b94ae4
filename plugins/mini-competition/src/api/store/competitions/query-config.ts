import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /store/competitions` answers per competition without `?fields=` (and selects). */
export const defaultStoreCompetitionFields = [
  "id",
  "number",
  "status",
  "requisition_id",
  "lot_title",
  "delivery_state",
  "bid_deadline",
  "opened_at",
  "awarded_at",
] as const

export const listStoreCompetitionsQueryConfig: ListQueryConfig = { defaults: defaultStoreCompetitionFields, isList: true }
