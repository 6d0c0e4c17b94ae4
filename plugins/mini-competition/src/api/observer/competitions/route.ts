import type { MedusaResponse } from "@medusajs/framework/http"
import { pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { mcService } from "../../helpers"
import type { ListCompetitionsType } from "../../validators"

/** GET /observer/competitions — every competition, read-only, for observers (testigos sociales) and auditors. */
export async function GET(req: AuthorizedRequest<unknown, ListCompetitionsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [rows, count] = await mcService(req.scope).listAndCountCompetitions(status ? { status } : {}, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
    select: req.queryConfig.fields,
  })
  res.json({ competitions: pickFields(req, rows), count, limit, offset })
}
