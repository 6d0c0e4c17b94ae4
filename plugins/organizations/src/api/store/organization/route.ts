import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { retrieveOrganization } from "../../helpers"

/** The caller's own agency with its units (scoped by the caller, never by id). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  res.json({
    organization: await retrieveOrganization(req.scope, req.access.organization_id),
  })
}
