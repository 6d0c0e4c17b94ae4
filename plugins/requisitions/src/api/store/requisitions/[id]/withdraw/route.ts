import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { withdrawRequisitionWorkflow } from "../../../../../workflows/withdraw-requisition"
import { requisitionOf, withBudgetErrors } from "../../../../helpers"
import type { StoreWithdrawType } from "../../../../validators"

/** Withdraws my requisition before its contracts exist (also while it waits for competition); its reservation is released. */
export const POST = async (req: AuthorizedRequest<StoreWithdrawType>, res: MedusaResponse) => {
  await withBudgetErrors(res, async () => {
    await withdrawRequisitionWorkflow(req.scope).run({
      input: { requisition_id: req.params.id, access: req.access, reason: req.validatedBody.reason },
    })
    res.json({ requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id) })
  })
}
