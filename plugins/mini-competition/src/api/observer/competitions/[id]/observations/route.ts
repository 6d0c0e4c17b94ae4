import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { fileObservationWorkflow } from "../../../../../workflows/file-observation"
import { procedureNow } from "../../../../helpers"
import type { ObservationType } from "../../../../validators"

/** POST /observer/competitions/:id/observations — files a timestamped observation that becomes part of the record. */
export async function POST(req: AuthorizedRequest<ObservationType>, res: MedusaResponse) {
  const { result } = await fileObservationWorkflow(req.scope).run({
    input: {
      competition_id: req.params.id,
      person_id: req.access.person_id,
      organization_id: req.access.organization_id,
      text: req.validatedBody.text,
      actor: auditActorOf(req),
      at: await procedureNow(req.scope),
    },
  })
  res.status(201).json({
    observation: {
      id: result.id,
      competition_id: req.params.id,
      text: result.text,
      observed_at: result.observed_at,
      observer_person_id: result.observer_person_id,
    },
  })
}
