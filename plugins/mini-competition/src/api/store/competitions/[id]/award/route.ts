import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { awardCompetitionWorkflow } from "../../../../../workflows/award-competition"
import { ownCompetition } from "../../../../../workflows/steps/own-competition"
import { procedureNow, procedureView, withCompetitionErrors } from "../../../../helpers"
import type { StoreAwardType } from "../../../../validators"

/** POST /store/competitions/:id/award — confirms the computed winner (or another valid bidder, with a justification signed with e.firma). */
export async function POST(req: AuthorizedRequest<StoreAwardType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    await awardCompetitionWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        organization_id: req.access.organization_id,
        supplier_id: req.validatedBody.supplier_id ?? null,
        justification: req.validatedBody.justification ?? null,
        envelope:
          req.validatedBody.certificate && req.validatedBody.signature
            ? { certificate: req.validatedBody.certificate, signature: req.validatedBody.signature }
            : null,
        person_id: req.access.person_id,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
    res.json({ competition: await procedureView(req.scope, competition) })
  })
}
