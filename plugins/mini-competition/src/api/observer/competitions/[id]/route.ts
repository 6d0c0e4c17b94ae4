import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { ownCompetition } from "../../../../workflows/steps/own-competition"
import { procedureView } from "../../../helpers"

/** GET /observer/competitions/:id — the whole procedure, read-only (bids only after the opening). */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  const competition = await ownCompetition(req.scope, req.params.id, null)
  res.json({ competition: await procedureView(req.scope, competition) })
}
