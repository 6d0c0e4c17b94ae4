import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { acknowledgeSupplierOrderWorkflow } from "../../../../../workflows/acknowledge-supplier-order"
import { supplierOrder } from "../../../../supplier-orders"
import type { SupplierAcknowledgeType } from "../../../../validators"

/** I confirm an order placed with my company and promise its delivery date. */
export const POST = async (req: AuthorizedRequest<SupplierAcknowledgeType>, res: MedusaResponse) => {
  const order = await supplierOrder(req.scope, req.access.organization_id, req.params.id)
  const { actor_type, actor_id, role } = auditActorOf(req)
  await acknowledgeSupplierOrderWorkflow(req.scope).run({
    input: {
      order_id: order.id,
      contract_number: order.specific_contract.number,
      promised_delivery_date: req.validatedBody.promised_delivery_date,
      note: req.validatedBody.note ?? null,
      actor: { actor_type, actor_id, role: role ?? null, person_id: req.access.person_id },
    },
  })
  res.json({ order: await supplierOrder(req.scope, req.access.organization_id, req.params.id) })
}
