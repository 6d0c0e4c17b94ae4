import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notFound } from "../../../../competition/errors"
import { ownCompetition } from "../../../../workflows/steps/own-competition"
import { publicView } from "../../../helpers"

/** GET /public/competitions/:id — after the opening, participants, prices, evaluation and winner are public. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const competition = await ownCompetition(req.scope, req.params.id, null)
  if (!competition.opened_at) {
    notFound(`La segunda etapa ${req.params.id} no existe o aún no se abren sus propuestas.`, "COMPETENCIA_NO_PUBLICA")
  }
  res.json({ competition: await publicView(req.scope, competition) })
}
