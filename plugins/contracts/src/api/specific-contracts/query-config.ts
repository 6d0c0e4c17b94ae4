import type { ListQueryConfig } from "@tienda/organizations/http"
import { CONTRACT_FIELDS } from "./helpers"

/**
 * What the specific-contract lists (`GET /store|supplier|admin/specific-contracts`)
 * answer per contract without `?fields=`: its columns and what to sign.
 */
export const defaultSpecificContractFields = [...CONTRACT_FIELDS, "signing_payload"] as const

export const listSpecificContractsQueryConfig: ListQueryConfig = { defaults: defaultSpecificContractFields, isList: true }
