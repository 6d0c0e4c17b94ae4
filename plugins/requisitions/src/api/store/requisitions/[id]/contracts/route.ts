import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, unitsWithPermission, type AuthorizedRequest } from "@tienda/organizations/http"
import { PERMISSIONS as P } from "@tienda/organizations/utils"
import { generateRequisitionContractsWorkflow } from "../../../../../workflows/generate-contracts"
import { requisitionOf } from "../../../../helpers"
import type { StoreGenerateContractsType } from "../../../../validators"

/**
 * Generates the specific contracts of my agency's approved requisition, one
 * per supplier (Purchasing Unit), paid as the body's `payment_plan` says
 * (default `una_exhibicion`). The only way a contract comes to exist.
 */
export const POST = async (req: AuthorizedRequest<StoreGenerateContractsType>, res: MedusaResponse) => {
  const { actor_type, actor_id, role } = auditActorOf(req)
  const { result } = await generateRequisitionContractsWorkflow(req.scope).run({
    input: {
      requisition_id: req.params.id,
      access: req.access,
      payment_plan: req.validatedBody.payment_plan ?? null,
      agency_unit_id: unitsWithPermission(req.access, P.SPECIFIC_CONTRACTS_CREATE)?.[0] ?? null,
      actor: { person_id: req.access.person_id, actor_type, actor_id, role: role ?? null, organization_id: req.access.organization_id },
    },
  })
  res.status(201).json({
    specific_contracts: result,
    requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id),
  })
}
