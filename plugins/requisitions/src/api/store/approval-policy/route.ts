import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { DEFAULT_MAX_DELEGATION_DAYS } from "../../../requisitions/delegation"
import { DEFAULT_POLICY_STEPS } from "../../../requisitions/policy"
import type { StoreSetPolicyType } from "../../validators"
import { setApprovalPolicyWorkflow } from "../../../workflows/set-approval-policy"
import { rqService } from "../../helpers"

/** My agency's approval policy in force and its earlier versions (or the default). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const versions = await rqService(req.scope).listApprovalPolicies(
    { organization_id: req.access.organization_id },
    { order: { version: "DESC" }, take: null },
  )
  res.json({
    approval_policy: versions[0] ?? {
      version: 0,
      steps: DEFAULT_POLICY_STEPS,
      split_window_days: 30,
      max_delegation_days: DEFAULT_MAX_DELEGATION_DAYS,
      default: true,
    },
    versions,
  })
}

/** Publishes a new version of my agency's approval policy. */
export const POST = async (req: AuthorizedRequest<StoreSetPolicyType>, res: MedusaResponse) => {
  const { result } = await setApprovalPolicyWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      organization_id: req.access.organization_id,
      created_by: req.access.person_id,
      actor_type: req.access.actor_type,
    },
  })
  res.status(201).json({ approval_policy: result })
}
