import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { auditActorOf } from "../../../../http/audit-actor"
import { endRoleAssignmentWorkflow } from "../../../../workflows/end-role-assignment"

/** Revokes a role: the assignment's validity ends now; history is kept. */
export const DELETE = async (req: AuthorizedRequest, res: MedusaResponse) => {
  await endRoleAssignmentWorkflow(req.scope).run({
    input: { id: req.params.id, ended_at: new Date().toISOString(), actor: auditActorOf(req) },
  })
  res.json({ id: req.params.id, object: "role_assignment", deleted: true })
}
