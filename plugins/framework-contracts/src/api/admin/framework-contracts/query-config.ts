import type { ListQueryConfig } from "@tienda/organizations/http"
import { FICHA_FIELDS } from "../../../workflows/steps/record-contract-version"

/**
 * What `GET /admin/framework-contracts` answers per contract without
 * `?fields=`: its columns (the ficha's own fields, without lots) and its
 * version and timestamps.
 */
export const defaultAdminFrameworkContractFields: readonly string[] = [
  ...FICHA_FIELDS.filter((f) => !f.includes(".")),
  "version",
  "created_at",
  "updated_at",
]

export const listAdminFrameworkContractsQueryConfig: ListQueryConfig = { defaults: defaultAdminFrameworkContractFields, isList: true }
