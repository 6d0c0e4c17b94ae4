import type { MedusaResponse } from "@medusajs/framework/http"
import { type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { checkSufficiencyWorkflow } from "../../../../workflows/check-sufficiency"
import { withBudgetErrors } from "../../../helpers"
import type { StoreBudgetCheckType } from "../../../validators"

/** Read-only sufficiency check of a key of the caller's agency. */
export const POST = async (req: AuthorizedRequest<StoreBudgetCheckType>, res: MedusaResponse) => {
  const body = req.validatedBody
  await withBudgetErrors(res, async () => {
    const { result } = await checkSufficiencyWorkflow(req.scope).run({
      input: {
        budget_key_id: body.budget_key_id,
        organization_id: req.access.organization_id,
        unit_ids: unitsWithPermission(req.access, PERMISSIONS.BUDGET_READ),
        amount: body.amount,
      },
    })
    res.json({ sufficiency: result })
  })
}
