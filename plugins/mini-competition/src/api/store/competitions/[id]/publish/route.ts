import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { publishCompetitionWorkflow } from "../../../../../workflows/publish-competition"
import { ownCompetition } from "../../../../../workflows/steps/own-competition"
import { procedureNow, procedureView, withCompetitionErrors } from "../../../../helpers"

/** POST /store/competitions/:id/publish — invites every eligible supplier and opens the bidding window. */
export async function POST(req: AuthorizedRequest, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    await publishCompetitionWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        organization_id: req.access.organization_id,
        person_id: req.access.person_id,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
    res.json({ competition: await procedureView(req.scope, competition) })
  })
}
