import type { ListQueryConfig } from "@tienda/organizations/http"
import { defaultStoreRequisitionFields } from "../../store/requisitions/query-config"

/** `GET /admin/requisitions` answers the same columns plus each requisition's approval steps. */
export const defaultAdminRequisitionFields = [...defaultStoreRequisitionFields, "approval_steps"] as const

export const listAdminRequisitionsQueryConfig: ListQueryConfig = { defaults: defaultAdminRequisitionFields, isList: true }
