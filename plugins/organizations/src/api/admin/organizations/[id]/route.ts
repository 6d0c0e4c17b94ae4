import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { retrieveOrganization } from "../../../helpers"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  res.json({ organization: await retrieveOrganization(req.scope, req.params.id) })
}
