import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { placeRequisitionOrdersWorkflow } from "../../../../../workflows/place-orders"
import { withBudgetErrors } from "../../../../helpers"

/** Places one order per supplier of my approved requisition. */
export const POST = async (req: AuthorizedRequest, res: MedusaResponse) => {
  await withBudgetErrors(res, async () => {
    const { result } = await placeRequisitionOrdersWorkflow(req.scope).run({
      input: { requisition_id: req.params.id, access: req.access, customer_id: req.auth_context.actor_id },
    })
    res.status(201).json(result)
  })
}
