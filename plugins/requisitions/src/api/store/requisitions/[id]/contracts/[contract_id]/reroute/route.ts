import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, unitsWithPermission, type AuthorizedRequest } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { rerouteRequisitionContractWorkflow } from "../../../../../../../workflows/reroute-contract"
import { requisitionOf } from "../../../../../../helpers"

/**
 * Re-routes an unsigned contract of my agency's requisition whose supplier
 * was sanctioned or un-enrolled: cancels it (the reservation stays) and
 * issues the same lines to the next eligible supplier (Purchasing Unit).
 */
export const POST = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const { actor_type, actor_id, role } = auditActorOf(req)
  const { result } = await rerouteRequisitionContractWorkflow(req.scope).run({
    input: {
      requisition_id: req.params.id,
      contract_id: req.params.contract_id,
      access: req.access,
      agency_unit_id: unitsWithPermission(req.access, P.SPECIFIC_CONTRACTS_CREATE)?.[0] ?? null,
      actor: { person_id: req.access.person_id, actor_type, actor_id, role: role ?? null, organization_id: req.access.organization_id },
    },
  })
  res.status(201).json({
    cancelled: result.cancelled,
    specific_contract: result.contract,
    requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id),
  })
}
