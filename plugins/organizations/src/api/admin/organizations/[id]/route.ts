import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf } from "../../../../http/audit-actor"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { pickRecordFields } from "../../../../http/query-config"
import { updateOrganizationWorkflow } from "../../../../workflows/update-organization"
import { retrieveOrganization } from "../../../helpers"
import type { AdminGetOrganizationType, AdminUpdateOrganizationType } from "../../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminGetOrganizationType>, res: MedusaResponse) => {
  res.json({ organization: pickRecordFields(req, await retrieveOrganization(req.scope, req.params.id, req.queryConfig.fields)) })
}

/** Changes an organization's registry data (audited with before and after). */
export const POST = async (req: AuthorizedRequest<AdminUpdateOrganizationType>, res: MedusaResponse) => {
  await retrieveOrganization(req.scope, req.params.id)
  await updateOrganizationWorkflow(req.scope).run({
    input: { organization_id: req.params.id, changes: req.validatedBody, actor: auditActorOf(req) },
  })
  res.json({ organization: await retrieveOrganization(req.scope, req.params.id) })
}
