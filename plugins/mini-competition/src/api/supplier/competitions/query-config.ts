import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /supplier/competitions` answers per competition without `?fields=` (and selects): no requisition or agency ids. */
export const defaultSupplierCompetitionFields = [
  "id",
  "number",
  "status",
  "lot_title",
  "delivery_state",
  "bid_deadline",
  "opened_at",
  "awarded_at",
] as const

export const listSupplierCompetitionsQueryConfig: ListQueryConfig = { defaults: defaultSupplierCompetitionFields, isList: true }
