import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AccessContext } from "@tienda/organizations/utils"
import { DEFAULT_MAX_DELEGATION_DAYS, delegationPeriodProblem } from "../../requisitions/delegation"
import { APPROVER_ROLES } from "../../requisitions/policy"
import { invalid, rq } from "./service"

export type DelegationInput = {
  access: AccessContext
  delegate_person_id: string
  role: string
  starts_at: string
  ends_at: string
  reason?: string | null
}

export const createDelegationRecordStepId = "requisitions-create-delegation-record"

/**
 * This step records a delegation: the delegator must hold the role now, the
 * delegate must be another active person of the same agency, and the period
 * must be valid and no longer than the agency policy's `max_delegation_days`.
 */
export const createDelegationRecordStep = createStep(
  createDelegationRecordStepId,
  async (input: DelegationInput, { container }) => {
    const { access } = input
    if (!APPROVER_ROLES.includes(input.role) || !access.roles.some((r) => r.role === input.role)) {
      invalid("ROL_NO_DELEGABLE", `No tienes el rol «${input.role}» para delegarlo.`)
    }
    if (input.delegate_person_id === access.person_id) {
      invalid("DELEGADO_INVALIDO", "No puedes delegarte a ti mismo.")
    }
    const org = container.resolve("organization") as {
      listPeople: (
        f: object,
        c: object,
      ) => Promise<{ id: string; organization_id?: string; is_active: boolean; organization?: { id: string } }[]>
    }
    const [delegate] = await org.listPeople({ id: input.delegate_person_id }, { relations: ["organization"], take: 1 })
    if (!delegate || !delegate.is_active || delegate.organization?.id !== access.organization_id) {
      invalid("DELEGADO_INVALIDO", "La persona a quien delegas no pertenece a tu dependencia.")
    }
    const starts = new Date(input.starts_at)
    const ends = new Date(input.ends_at)
    const [policy] = await rq(container).listApprovalPolicies(
      { organization_id: access.organization_id, effective_from: { $lte: new Date() } },
      { order: { version: "DESC" }, take: 1 },
    )
    const problem = delegationPeriodProblem(starts, ends, policy?.max_delegation_days ?? DEFAULT_MAX_DELEGATION_DAYS)
    if (problem) {
      invalid(problem.code, problem.message)
    }
    const created = await rq(container).createDelegations({
      organization_id: access.organization_id,
      delegator_person_id: access.person_id,
      delegate_person_id: input.delegate_person_id,
      role: input.role,
      starts_at: starts,
      ends_at: ends,
      reason: input.reason ?? null,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await rq(container).deleteDelegations(id)
    }
  },
)
