import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { pickRecordFields } from "../../../../http/query-config"
import { retrieveOrganization } from "../../../helpers"
import type { AdminGetOrganizationType } from "../../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminGetOrganizationType>, res: MedusaResponse) => {
  res.json({ organization: pickRecordFields(req, await retrieveOrganization(req.scope, req.params.id, req.queryConfig.fields)) })
}
