import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { pickFields } from "../../../http/query-config"
import { auditActorOf } from "../../../http/audit-actor"
import { createOrganizationWorkflow } from "../../../workflows/create-organization"
import { listOrganizations, retrieveOrganization } from "../../helpers"
import type { AdminCreateOrganizationType, AdminListOrganizationsType } from "../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminListOrganizationsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const page = await listOrganizations(req.scope, q, req.queryConfig.fields)
  res.json({ ...page, organizations: pickFields(req, page.organizations) })
}

export const POST = async (req: AuthorizedRequest<AdminCreateOrganizationType>, res: MedusaResponse) => {
  const { result } = await createOrganizationWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor: auditActorOf(req) },
  })
  res.status(201).json({ organization: await retrieveOrganization(req.scope, result.id) })
}
