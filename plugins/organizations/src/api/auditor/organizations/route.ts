import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { listOrganizations } from "../../helpers"
import type { AdminListOrganizationsType } from "../../validators"

/** Read-only directory of organizations for auditors. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as AdminListOrganizationsType
  res.json(await listOrganizations(req.scope, q))
}
