import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { enrolSuppliersWorkflow } from "../../../../../workflows/enrol-suppliers"
import { ficha } from "../../../../helpers"
import type { AdminEnrolSuppliersType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminEnrolSuppliersType>, res: MedusaResponse) => {
  await enrolSuppliersWorkflow(req.scope).run({
    input: { contract_id: req.params.id, ...req.validatedBody, recorded_by: req.access.person_id, actor: auditActorOf(req) },
  })
  res.json({ framework_contract: await ficha(req.scope, req.params.id) })
}
