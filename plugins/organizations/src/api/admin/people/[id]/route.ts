import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf } from "../../../../http/audit-actor"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { updatePersonWorkflow } from "../../../../workflows/update-person"
import { retrievePerson } from "../../../helpers"
import type { AdminUpdatePersonType } from "../../../validators"

/** Changes a person's name, position or whether they may log in (audited with before and after). */
export const POST = async (req: AuthorizedRequest<AdminUpdatePersonType>, res: MedusaResponse) => {
  await retrievePerson(req.scope, req.params.id)
  await updatePersonWorkflow(req.scope).run({
    input: { person_id: req.params.id, changes: req.validatedBody, actor: auditActorOf(req) },
  })
  res.json({ person: await retrievePerson(req.scope, req.params.id) })
}
