import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { releaseManualReservationWorkflow } from "../../../../../../workflows/release-manual-reservation"
import { withBudgetErrors } from "../../../../../helpers"
import type { StoreReleaseReservationType } from "../../../../../validators"

/** Releases what is left of a manual reservation of my agency, with a reason (audited). */
export const POST = async (req: AuthorizedRequest<StoreReleaseReservationType>, res: MedusaResponse) => {
  await withBudgetErrors(res, async () => {
    const { result } = await releaseManualReservationWorkflow(req.scope).run({
      input: {
        reservation_id: req.params.id,
        organization_id: req.access.organization_id as string,
        unit_ids: unitsWithPermission(req.access, PERMISSIONS.BUDGET_RESERVE),
        reason: req.validatedBody.reason,
        actor_id: req.access.person_id,
        actor: auditActorOf(req),
      },
    })
    res.json({ release: result })
  })
}
