import type { MedusaResponse } from "@medusajs/framework/http"
import { pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { mcService } from "../../helpers"
import type { ListCompetitionsType } from "../../validators"

/** GET /supplier/competitions — the competitions the caller's company is invited to. */
export async function GET(req: AuthorizedRequest<unknown, ListCompetitionsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const service = mcService(req.scope)
  const invitations = await service.listCompetitionInvitations(
    { supplier_id: req.access.organization_id, status: "invited" },
    { take: null, select: ["id", "competition_id"] },
  )
  const ids = invitations.map((i) => (i as unknown as { competition_id: string }).competition_id)
  const [rows, count] = ids.length
    ? await service.listAndCountCompetitions(
        { id: ids, ...(status ? { status } : {}) },
        { take: limit, skip: offset, order: { created_at: "DESC" }, select: req.queryConfig.fields },
      )
    : [[], 0]
  res.json({ competitions: pickFields(req, rows), count, limit, offset })
}
