import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { askClarificationWorkflow } from "../../../../../workflows/clarifications"
import { procedureNow, withCompetitionErrors } from "../../../../helpers"
import type { SupplierAskType } from "../../../../validators"

/** POST /supplier/competitions/:id/clarifications — an invited supplier asks a question during the bidding window. */
export async function POST(req: AuthorizedRequest<SupplierAskType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await askClarificationWorkflow(req.scope).run({
      input: {
        competition_id: req.params.id,
        supplier_id: req.access.organization_id,
        question: req.validatedBody.question,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    res.status(201).json({ clarification: { id: result.id, question: result.question, asked_at: result.asked_at } })
  })
}
