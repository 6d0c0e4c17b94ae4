import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { submitRequisitionWorkflow } from "../../../../../workflows/submit-requisition"
import { requisitionOf, withBudgetErrors } from "../../../../helpers"

/** Sends my requisition to approval, reserving its budget (409 FONDOS_INSUFICIENTES). */
export const POST = async (req: AuthorizedRequest, res: MedusaResponse) => {
  await withBudgetErrors(res, async () => {
    await submitRequisitionWorkflow(req.scope).run({
      input: { requisition_id: req.params.id, access: req.access, customer_id: req.auth_context.actor_id },
    })
    res.json({ requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id) })
  })
}
