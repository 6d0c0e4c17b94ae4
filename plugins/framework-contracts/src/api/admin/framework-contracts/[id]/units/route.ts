import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { enrolUnitsWorkflow } from "../../../../../workflows/enrol-units"
import { ficha } from "../../../../helpers"
import type { AdminEnrolUnitsType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminEnrolUnitsType>, res: MedusaResponse) => {
  await enrolUnitsWorkflow(req.scope).run({
    input: {
      contract_id: req.params.id,
      unit_ids: req.validatedBody.unit_ids,
      recorded_by: req.access.person_id,
      actor: auditActorOf(req),
    },
  })
  res.json({ framework_contract: await ficha(req.scope, req.params.id) })
}
