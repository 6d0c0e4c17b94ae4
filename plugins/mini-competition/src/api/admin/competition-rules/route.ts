import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { createCompetitionRuleWorkflow } from "../../../workflows/create-competition-rule"
import { mcService, procedureNow, withCompetitionErrors } from "../../helpers"
import type { AdminCreateRuleType, AdminListRulesType } from "../../validators"

/** GET /admin/competition-rules?lot_id= — a lot's effective-dated second-stage rules, newest first. */
export async function GET(req: AuthorizedRequest<unknown, AdminListRulesType>, res: MedusaResponse) {
  const { lot_id } = req.validatedQuery
  const rules = await mcService(req.scope).listCompetitionRules({ lot_id }, { take: null, order: { effective_from: "DESC" } })
  res.json({ competition_rules: rules })
}

/** POST /admin/competition-rules — a lot's rules from `effective_from` on (never retroactive). */
export async function POST(req: AuthorizedRequest<AdminCreateRuleType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const { result } = await createCompetitionRuleWorkflow(req.scope).run({
      input: { ...req.validatedBody, person_id: req.access.person_id, actor: auditActorOf(req), at: await procedureNow(req.scope) },
    })
    res.status(201).json({ competition_rule: result })
  })
}
