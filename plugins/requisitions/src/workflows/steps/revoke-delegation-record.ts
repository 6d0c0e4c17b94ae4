import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import type { AccessContext } from "@tienda/organizations/utils"
import { rq } from "./service"

export type RevokeDelegationInput = { access: AccessContext; delegation_id: string; reason: string; now?: Date }

export const revokeDelegationRecordStepId = "requisitions-revoke-delegation-record"
/**
 * This step revokes a delegation its delegator gave: from this moment the
 * delegate can no longer act for them. Only the delegator, only once, only
 * while it has not ended. Compensation restores it.
 */
export const revokeDelegationRecordStep = createStep(
  revokeDelegationRecordStepId,
  async (input: RevokeDelegationInput, { container }) => {
    const now = input.now ?? new Date()
    const service = rq(container)
    const [d] = await service.listDelegations({ id: input.delegation_id }, { take: 1 })
    if (!d || d.delegator_person_id !== input.access.person_id || d.organization_id !== input.access.organization_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No diste la delegación ${input.delegation_id}.`, "DELEGACION_NO_EXISTE")
    }
    if (d.revoked_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Esta delegación ya fue revocada.", "DELEGACION_YA_REVOCADA")
    }
    if (new Date(d.ends_at) <= now) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Esta delegación ya terminó; no hay nada que revocar.", "DELEGACION_TERMINADA")
    }
    const updated = await service.updateDelegations({
      id: d.id,
      revoked_at: now,
      revoked_by_person_id: input.access.person_id,
      revocation_reason: input.reason,
    })
    return new StepResponse({ before: d, after: updated }, d.id)
  },
  async (id, { container }) => {
    if (id) {
      await rq(container).updateDelegations({ id, revoked_at: null, revoked_by_person_id: null, revocation_reason: null })
    }
  },
)
