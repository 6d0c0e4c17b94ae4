import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { REQUISITION_MODULE } from "../modules/requisition"
import type RequisitionModuleService from "../modules/requisition/service"

export const rqService = (c: MedusaContainer) => c.resolve<RequisitionModuleService>(REQUISITION_MODULE)

export { withBudgetErrors } from "@tienda/budget/http"

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
