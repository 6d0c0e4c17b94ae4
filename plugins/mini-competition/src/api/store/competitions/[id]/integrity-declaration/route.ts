import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { declareIntegrityWorkflow } from "../../../../../workflows/declare-integrity"
import { ownCompetition } from "../../../../../workflows/steps/own-competition"
import { integrityView, procedureNow, withCompetitionErrors } from "../../../../helpers"
import type { IntegrityDeclarationType } from "../../../../validators"

/** GET /store/competitions/:id/integrity-declaration — the official's text in force and the caller's declaration on this competition. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
    res.json({ integrity_declaration: await integrityView(req.scope, competition.id, "official", req.access.person_id) })
  })
}

/** POST /store/competitions/:id/integrity-declaration — the official signs the integrity declaration (required before publishing or awarding). */
export async function POST(req: AuthorizedRequest<IntegrityDeclarationType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await declareIntegrityWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        side: "official",
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
      .json({ integrity_declaration: await integrityView(req.scope, req.params.id, "official", req.access.person_id) })
  })
}
