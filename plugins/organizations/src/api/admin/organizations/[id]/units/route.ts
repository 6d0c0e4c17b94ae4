import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../../http/authorize"
import { auditActorOf } from "../../../../../http/audit-actor"
import { createUnitsWorkflow } from "../../../../../workflows/create-units"
import { retrieveOrganization } from "../../../../helpers"
import type { AdminCreateUnitsType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminCreateUnitsType>, res: MedusaResponse) => {
  await retrieveOrganization(req.scope, req.params.id)
  await createUnitsWorkflow(req.scope).run({
    input: { organization_id: req.params.id, units: req.validatedBody.units, actor: auditActorOf(req) },
  })
  res.status(201).json({ organization: await retrieveOrganization(req.scope, req.params.id) })
}
