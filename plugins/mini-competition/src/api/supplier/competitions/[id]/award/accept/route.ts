import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { acceptAwardWorkflow } from "../../../../../../workflows/accept-award"
import { ownCompetition } from "../../../../../../workflows/steps/own-competition"
import type { SupplierAcceptAwardType } from "../../../../../validators"
import { procedureNow, supplierView, withCompetitionErrors } from "../../../../../helpers"

/** POST /supplier/competitions/:id/award/accept — the supplier offered the award confirms it within its window, with e.firma over the offer's `signing_payload`. */
export async function POST(req: AuthorizedRequest<SupplierAcceptAwardType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    await acceptAwardWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        supplier_id: req.access.organization_id,
        person_id: req.access.person_id,
        envelope: { certificate: req.validatedBody.certificate, signature: req.validatedBody.signature },
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, req.params.id, null)
    res.json({ competition: await supplierView(req.scope, competition, req.access.organization_id) })
  })
}
