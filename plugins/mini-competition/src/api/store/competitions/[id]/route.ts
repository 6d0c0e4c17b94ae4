import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { ownCompetition } from "../../../../workflows/steps/own-competition"
import { procedureView } from "../../../helpers"

/** GET /store/competitions/:id — the whole procedure, for the agency that runs it (bids only after the opening). */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  const competition = await ownCompetition(req.scope, req.params.id, req.access.organization_id)
  res.json({ competition: await procedureView(req.scope, competition) })
}
