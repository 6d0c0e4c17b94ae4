import type { ListQueryConfig } from "@tienda/organizations/http"
import { KEY_FIELDS } from "../../../helpers"

/** What `GET /store/budget/keys` (and `/admin/budget/keys`) answers per key without `?fields=`: its columns and `disponible`. */
export const defaultBudgetKeyFields = [...KEY_FIELDS, "disponible"] as const

export const listBudgetKeysQueryConfig: ListQueryConfig = { defaults: defaultBudgetKeyFields, isList: true }
