import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../competition/errors"
import { ownCompetition } from "../../../../workflows/steps/own-competition"
import { publicView } from "../../../helpers"

/**
 * GET /public/competitions/:id — no login. Once published: the procedure
 * and, before the opening, only the number of bids; after the opening,
 * participants, prices, the evaluation and the winner. A draft is not public.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const competition = await ownCompetition(req.scope, req.params.id, null)
  if (!competition.published_at) {
    notFound("COMPETENCIA_NO_PUBLICA", `La segunda etapa ${req.params.id} no existe o aún no se publica.`)
  }
  res.json({ competition: await publicView(req.scope, competition) })
}
