import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_MAX_DELEGATION_DAYS } from "../../requisitions/delegation"
import { assertValidPolicy, type PolicyStep } from "../../requisitions/policy"
import { rq } from "./service"

export type PolicyInput = {
  organization_id: string
  steps: PolicyStep[]
  split_window_days?: number
  max_delegation_days?: number
  created_by: string
}

export const createPolicyVersionStepId = "requisitions-create-policy-version"

/** This step stores a new version of an agency's approval policy (older versions stay). */
export const createPolicyVersionStep = createStep(
  createPolicyVersionStepId,
  async (input: PolicyInput, { container }) => {
    assertValidPolicy(input.steps)
    const service = rq(container)
    const [last] = await service.listApprovalPolicies({ organization_id: input.organization_id }, { order: { version: "DESC" }, take: 1 })
    const created = await service.createApprovalPolicies({
      organization_id: input.organization_id,
      version: (last?.version ?? 0) + 1,
      steps: input.steps as never,
      split_window_days: input.split_window_days ?? last?.split_window_days ?? 30,
      max_delegation_days: input.max_delegation_days ?? last?.max_delegation_days ?? DEFAULT_MAX_DELEGATION_DAYS,
      effective_from: new Date(),
      created_by: input.created_by,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await rq(container).deleteApprovalPolicies(id)
    }
  },
)
