import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { DEFAULT_POLICY_STEPS } from "../../../requisitions/policy"
import { rqService } from "../../helpers"

/** Every agency's policy versions, plus the default used where none is defined. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const approval_policies = await rqService(req.scope).listApprovalPolicies(
    {},
    { order: { organization_id: "ASC", version: "DESC" }, take: null },
  )
  res.json({ approval_policies, default_steps: DEFAULT_POLICY_STEPS })
}
