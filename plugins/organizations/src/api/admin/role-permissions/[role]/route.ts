import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { auditActorOf } from "../../../../http/audit-actor"
import { setRolePermissionsWorkflow } from "../../../../workflows/set-role-permissions"
import type { AdminSetRolePermissionsType } from "../../../validators"

export const POST = async (req: AuthorizedRequest<AdminSetRolePermissionsType>, res: MedusaResponse) => {
  const { result } = await setRolePermissionsWorkflow(req.scope).run({
    input: { role: req.params.role, permissions: req.validatedBody.permissions, actor: auditActorOf(req) },
  })
  res.json({ role_permissions: result })
}
