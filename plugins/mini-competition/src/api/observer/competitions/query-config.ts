import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /observer/competitions` answers per competition without `?fields=` (and selects). */
export const defaultObserverCompetitionFields = [
  "id",
  "number",
  "status",
  "organization_id",
  "requisition_id",
  "lot_title",
  "delivery_state",
  "bid_deadline",
  "opened_at",
  "awarded_at",
] as const

export const listObserverCompetitionsQueryConfig: ListQueryConfig = { defaults: defaultObserverCompetitionFields, isList: true }
