import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "../../../http/authorize"
import { PERMISSION_LABELS_ES } from "../../../access/labels"
import { ROLES } from "../../../access/roles"

/** The role-permission matrix, with role and permission labels. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "role_permission",
    fields: ["role", "permission"],
  })
  res.json({
    roles: ROLES.map((r) => ({
      ...r,
      permissions: data
        .filter((c) => c.role === r.code)
        .map((c) => c.permission)
        .sort(),
    })),
    permissions: Object.entries(PERMISSION_LABELS_ES).map(([code, label_es]) => ({
      code,
      label_es,
    })),
  })
}
