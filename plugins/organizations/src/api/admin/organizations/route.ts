import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { auditActorOf } from "../../../http/audit-actor"
import { createOrganizationWorkflow } from "../../../workflows/create-organization"
import { listOrganizations, retrieveOrganization } from "../../helpers"
import type {
  AdminCreateOrganizationType,
  AdminListOrganizationsType,
} from "../../validators"

export const GET = async (req: AuthorizedRequest<unknown, AdminListOrganizationsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  res.json(await listOrganizations(req.scope, q))
}

export const POST = async (
  req: AuthorizedRequest<AdminCreateOrganizationType>,
  res: MedusaResponse
) => {
  const { result } = await createOrganizationWorkflow(req.scope).run({
    input: { ...req.validatedBody, actor: auditActorOf(req) },
  })
  res.status(201).json({ organization: await retrieveOrganization(req.scope, result.id) })
}
