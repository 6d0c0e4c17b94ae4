import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { setCrosswalkWorkflow } from "../../../../workflows/set-crosswalk"
import type { AdminSetCrosswalkType } from "../../../validators"

export const POST = async (req: AuthorizedRequest<AdminSetCrosswalkType>, res: MedusaResponse) => {
  const { result } = await setCrosswalkWorkflow(req.scope).run({
    input: { ...req.validatedBody, changed_by: req.access.person_id, at: new Date().toISOString(), actor: auditActorOf(req) },
  })
  res.json({ crosswalk: result })
}
