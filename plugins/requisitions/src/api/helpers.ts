import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { CONFLICT_CODES, UNAVAILABLE_CODES } from "@tienda/budget/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"

export const rqService = (c: MedusaContainer) => c.resolve<RequisitionModuleService>(REQUISITION_MODULE)

/** Budget refusals keep their own status and Spanish message (Medusa rewrites CONFLICT ones). */
export async function withBudgetErrors(res: MedusaResponse, fn: () => Promise<void>) {
  try {
    await fn()
  } catch (e) {
    const err = e as { code?: string; message?: string }
    if (err?.code && CONFLICT_CODES.includes(err.code)) {
      res.status(409).json({ type: "conflict", code: err.code, message: err.message })
      return
    }
    if (err?.code && UNAVAILABLE_CODES.includes(err.code)) {
      res.status(503).json({ type: "unavailable", code: err.code, message: err.message })
      return
    }
    throw e
  }
}

export const REQUISITION_RELATIONS = ["lines", "approval_steps"]

/** A requisition of the caller's agency, with lines and approval timeline; 404 otherwise. */
export async function requisitionOf(container: MedusaContainer, id: string, organizationId: string | null) {
  const [r] = await rqService(container).listRequisitions({ id }, { relations: REQUISITION_RELATIONS, take: 1 })
  if (!r || (organizationId && r.organization_id !== organizationId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `La requisición ${id} no existe.`, "REQUISICION_NO_EXISTE")
  }
  return {
    ...r,
    approval_steps: [...(r.approval_steps ?? [])].sort((a, b) => a.revision - b.revision || a.sequence - b.sequence),
  }
}
