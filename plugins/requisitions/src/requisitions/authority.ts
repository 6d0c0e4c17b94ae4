import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { loadAccessContext, PERMISSIONS, type AccessContext } from "@tienda/organizations/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"

export type DecidingStep = { role: string; escalate_to_role: string | null; escalated_at: Date | string | null }
export type RequisitionScope = { id: string; organization_id: string; unit_id: string; requester_person_id: string }
export type Authority = { role: string; on_behalf_of: string | null }

const forbidden = (code: string, message: string): never => {
  throw new MedusaError(MedusaError.Types.FORBIDDEN, message, code)
}

/** Requisitions of another agency do not exist for the caller (no IDOR oracle). */
export function assertSameAgency(access: AccessContext, requisition: RequisitionScope): void {
  if (access.organization_id !== requisition.organization_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${requisition.id} no existe.`, "REQUISICION_NO_EXISTE")
  }
}

/**
 * Does this person hold `role`, with an approving permission, in a way that
 * covers the requisition's unit? The requiring-unit step is decided by the
 * unit's head (`requisitions:approve_unit`, in that unit); other steps need
 * `requisitions:approve`.
 */
function holds(access: AccessContext, role: string, unitId: string): boolean {
  const permission = role === "requiring_unit" ? PERMISSIONS.REQUISITIONS_APPROVE_UNIT : PERMISSIONS.REQUISITIONS_APPROVE
  return (
    access.permissions.includes(permission) &&
    access.roles.some((r) => r.role === role && (role !== "requiring_unit" || r.unit_id === null || r.unit_id === unitId))
  )
}

/**
 * Who may decide the current step: a person holding its role (for the
 * "requiring_unit" step, in the requisition's own unit), after the SLA also
 * the escalation role, or a delegate of such a person during the delegation.
 * Never the requester, not even as a delegate.
 */
export async function resolveAuthority(
  container: MedusaContainer,
  access: AccessContext,
  requisition: RequisitionScope,
  step: DecidingStep,
  now = new Date(),
): Promise<Authority> {
  assertSameAgency(access, requisition)
  if (access.person_id === requisition.requester_person_id) {
    forbidden("AUTOAPROBACION_NO_PERMITIDA", "No puedes aprobar ni rechazar una requisición que tú elaboraste.")
  }
  const roles = [step.role, ...(step.escalated_at && step.escalate_to_role ? [step.escalate_to_role] : [])]
  for (const role of roles) {
    if (holds(access, role, requisition.unit_id)) {
      return { role, on_behalf_of: null }
    }
  }
  const service = container.resolve<RequisitionModuleService>(REQUISITION_MODULE)
  const delegations = await service.listDelegations(
    {
      delegate_person_id: access.person_id,
      organization_id: requisition.organization_id,
      role: roles,
      starts_at: { $lte: now },
      ends_at: { $gt: now },
      // a revoked delegation stops acting at once
      $or: [{ revoked_at: null }, { revoked_at: { $gt: now } }],
    },
    { take: null },
  )
  const org = container.resolve("organization") as {
    listPeople: (f: object, c: object) => Promise<{ id: string; actor_type: string; actor_id: string }[]>
  }
  for (const d of delegations) {
    if (d.delegator_person_id === requisition.requester_person_id) {
      continue
    }
    const [delegator] = await org.listPeople({ id: d.delegator_person_id }, { take: 1 })
    const ctx = delegator ? await loadAccessContext(container, delegator.actor_type, delegator.actor_id, now) : null
    if (ctx && ctx.organization_id === requisition.organization_id && holds(ctx, d.role, requisition.unit_id)) {
      return { role: d.role, on_behalf_of: d.delegator_person_id }
    }
  }
  return forbidden(
    "SIN_FACULTAD_PARA_APROBAR",
    `Este paso corresponde al rol «${step.role}»; no lo tienes en esta unidad ni te lo delegaron.`,
  )
}
