import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { decideRequisitionWorkflow } from "../../../../../workflows/decide-requisition"
import { requisitionOf, withBudgetErrors } from "../../../../helpers"
import type { StoreDecideType } from "../../../../validators"

/** Approves, rejects or returns the current step of a requisition of my agency. */
export const POST = async (req: AuthorizedRequest<StoreDecideType>, res: MedusaResponse) => {
  await withBudgetErrors(res, async () => {
    await decideRequisitionWorkflow(req.scope).run({
      input: { ...req.validatedBody, requisition_id: req.params.id, access: req.access },
    })
    res.json({ requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id) })
  })
}
