import type { ListQueryConfig } from "@tienda/organizations/http"

/** What `GET /admin/framework-contracts` answers per contract without `?fields=` (its columns). */
export const defaultAdminFrameworkContractFields = [
  "id",
  "number",
  "title",
  "description",
  "legal_basis",
  "valid_from",
  "valid_until",
  "status",
  "min_amount",
  "max_amount",
  "currency_code",
  "version",
  "created_at",
  "updated_at",
] as const

export const listAdminFrameworkContractsQueryConfig: ListQueryConfig = { defaults: defaultAdminFrameworkContractFields, isList: true }
