import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { listOrganizations } from "../../helpers"
import type { AdminListOrganizationsType } from "../../validators"

/** Read-only directory of organizations for auditors. */
export const GET = async (req: AuthorizedRequest<unknown, AdminListOrganizationsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  res.json(await listOrganizations(req.scope, q))
}
