import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { pickFields } from "../../../http/query-config"
import { listOrganizations } from "../../helpers"
import type { AdminListOrganizationsType } from "../../validators"

/** Read-only directory of organizations for auditors. */
export const GET = async (req: AuthorizedRequest<unknown, AdminListOrganizationsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const page = await listOrganizations(req.scope, q, req.queryConfig.fields)
  res.json({ ...page, organizations: pickFields(req, page.organizations) })
}
