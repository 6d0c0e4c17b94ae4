import type { ListQueryConfig } from "../../../http/query-config"
import { ORGANIZATION_FIELDS } from "../../helpers"

/** What `GET /admin/organizations` (and `/auditor/organizations`) answers per organization without `?fields=`. */
export const defaultAdminOrganizationFields = ORGANIZATION_FIELDS

export const listAdminOrganizationsQueryConfig: ListQueryConfig = { defaults: defaultAdminOrganizationFields, isList: true }

/** What `GET /admin/organizations/:id` answers without `?fields=`: the organization's columns and its units. */
export const defaultAdminOrganizationDetailFields = [...ORGANIZATION_FIELDS, "units"] as const

export const retrieveAdminOrganizationQueryConfig: ListQueryConfig = { defaults: defaultAdminOrganizationDetailFields, isList: false }
