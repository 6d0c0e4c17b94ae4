import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { createCompetitionWorkflow } from "../../../workflows/create-competition"
import { ownCompetition } from "../../../workflows/steps/own-competition"
import { mcService, procedureNow, procedureView, withCompetitionErrors } from "../../helpers"
import type { ListCompetitionsType, StoreCreateCompetitionType } from "../../validators"

/** GET /store/competitions — the caller's agency's competitions, newest first. */
export async function GET(req: AuthorizedRequest<unknown, ListCompetitionsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [rows, count] = await mcService(req.scope).listAndCountCompetitions(
    { organization_id: req.access.organization_id, ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" }, select: req.queryConfig.fields },
  )
  res.json({ competitions: pickFields(req, rows), count, limit, offset })
}

/** POST /store/competitions — opens a draft competition from a requisition in `requires_competition`. */
export async function POST(req: AuthorizedRequest<StoreCreateCompetitionType>, res: MedusaResponse) {
  await withCompetitionErrors(res, async () => {
    const body = req.validatedBody
    const { result } = await createCompetitionWorkflow(req.scope).run({
      input: {
        requisition_id: body.requisition_id,
        lot_id: body.lot_id ?? null,
        delivery_state: body.delivery_state,
        access: req.access,
        actor: auditActorOf(req),
        at: await procedureNow(req.scope),
      },
    })
    const competition = await ownCompetition(req.scope, result.id, req.access.organization_id)
    res.status(201).json({ competition: await procedureView(req.scope, competition) })
  })
}
