import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { notFound } from "../../../../competition/errors"
import { ownCompetition } from "../../../../workflows/steps/own-competition"
import { mcService, supplierView } from "../../../helpers"

/** GET /supplier/competitions/:id — a competition the caller's company is invited to (404 otherwise). */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  const [invitation] = await mcService(req.scope).listCompetitionInvitations(
    { competition_id: req.params.id, supplier_id: req.access.organization_id, status: "invited" },
    { take: 1 },
  )
  if (!invitation) {
    notFound("COMPETENCIA_NO_EXISTE", `La segunda etapa ${req.params.id} no existe.`)
  }
  const competition = await ownCompetition(req.scope, req.params.id, null)
  res.json({ competition: await supplierView(req.scope, competition, req.access.organization_id) })
}
