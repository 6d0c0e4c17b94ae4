import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { declareIntegrityWorkflow } from "../../../../../workflows/declare-integrity"
import { assertInvited } from "../../../../../workflows/steps/plan-bid"
import { ownCompetition } from "../../../../../workflows/steps/own-competition"
import { integrityView, procedureNow, withCompetitionErrors } from "../../../../helpers"
import type { IntegrityDeclarationType } from "../../../../validators"

/** GET /supplier/competitions/:id/integrity-declaration — the supplier's text in force and the caller's declaration on this competition. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const competition = await ownCompetition(req.scope, req.params.id, null)
    await assertInvited(req.scope, competition.id, req.access.organization_id)
    res.json({ integrity_declaration: await integrityView(req.scope, competition.id, "supplier", req.access.person_id) })
  })
}

/** POST /supplier/competitions/:id/integrity-declaration — a user of an invited supplier signs the integrity declaration (required before bidding). */
export async function POST(req: AuthorizedRequest<IntegrityDeclarationType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await declareIntegrityWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        side: "supplier",
        person_id: req.access.person_id,
        organization_id: req.access.organization_id,
        text_sha256: req.validatedBody.text_sha256,
        envelope: { certificate: req.validatedBody.certificate, signature: req.validatedBody.signature },
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    res
      .status(result.created ? 201 : 200)
      .json({ integrity_declaration: await integrityView(req.scope, req.params.id, "supplier", req.access.person_id) })
  })
}
