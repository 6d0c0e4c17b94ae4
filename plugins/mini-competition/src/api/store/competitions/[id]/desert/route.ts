import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { desertCompetitionWorkflow } from "../../../../../workflows/desert-competition"
import { ownCompetition } from "../../../../../workflows/steps/own-competition"
import { procedureNow, procedureView, withCompetitionErrors } from "../../../../helpers"
import type { StoreDesertType } from "../../../../validators"

/** POST /store/competitions/:id/desert — declares the competition deserted, with its reason. */
export async function POST(req: AuthorizedRequest<StoreDesertType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    await desertCompetitionWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        organization_id: req.access.organization_id,
        reason: req.validatedBody.reason,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
    res.json({ competition: await procedureView(req.scope, competition) })
  })
}
