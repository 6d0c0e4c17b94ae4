import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../../http/authorize"
import { auditActorOf } from "../../../../../http/audit-actor"
import { grantRolesWorkflow } from "../../../../../workflows/grant-roles"
import { retrievePerson } from "../../../../helpers"
import type { AdminGrantRolesType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminGrantRolesType>, res: MedusaResponse) => {
  await grantRolesWorkflow(req.scope).run({
    input: {
      person_id: req.params.id,
      roles: req.validatedBody.roles.map((r) => ({ ...r, role: r.role as never })),
      granted_by: req.access.person_id,
      actor: auditActorOf(req),
    },
  })
  res.status(201).json({ person: await retrievePerson(req.scope, req.params.id) })
}
