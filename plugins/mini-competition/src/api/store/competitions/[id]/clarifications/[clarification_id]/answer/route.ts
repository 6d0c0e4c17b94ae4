import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { answerClarificationWorkflow } from "../../../../../../../workflows/clarifications"
import { ownCompetition } from "../../../../../../../workflows/steps/own-competition"
import { procedureNow, procedureView, withCompetitionErrors } from "../../../../../../helpers"
import type { StoreAnswerType } from "../../../../../../validators"

/**
 * POST /store/competitions/:id/clarifications/:clarification_id/answer — the
 * Purchasing Unit answers a question for every invitee, optionally extending
 * the deadline for everyone.
 */
export async function POST(req: AuthorizedRequest<StoreAnswerType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    await answerClarificationWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        clarification_id: req.params.clarification_id,
        organization_id: req.access.organization_id,
        person_id: req.access.person_id,
        answer: req.validatedBody.answer,
        extend_business_days: req.validatedBody.extend_business_days ?? null,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
    res.json({ competition: await procedureView(req.scope, competition) })
  })
}
