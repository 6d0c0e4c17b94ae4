import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { recordReceptionWorkflow } from "../../../workflows/record-reception"
import { einvService, ownReception, receivingUnit } from "../../delivery/helpers"
import type { StoreRecordReceptionType } from "../../delivery/validators"

/** GET /store/receptions — my agency's receptions, newest first. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  const receptions = await einvService(req).listReceptions(
    { agency_id: req.access.organization_id },
    { relations: ["lines"], order: { created_at: "DESC" }, take: 100 },
  )
  res.json({ receptions })
}

/** POST /store/receptions — the Reception Manager records what was accepted and rejected of a shipment. */
export async function POST(req: AuthorizedRequest<StoreRecordReceptionType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await recordReceptionWorkflow(req.scope).run({
    input: {
      shipment_id: body.shipment_id,
      agency_id: req.access.organization_id,
      unit_id: receivingUnit(req),
      person_id: req.access.person_id,
      actor: auditActorOf(req),
      notes: body.notes ?? null,
      lines: body.lines,
    },
  })
  res.status(201).json({ reception: await ownReception(req, result.id) })
}
