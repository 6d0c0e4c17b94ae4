import type { MedusaResponse } from "@medusajs/framework/http"
import { auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { changeContractStatusWorkflow } from "../../../../../workflows/change-contract-status"
import { ficha } from "../../../../helpers"
import type { AdminChangeStatusType } from "../../../../validators"

export const POST = async (req: AuthorizedRequest<AdminChangeStatusType>, res: MedusaResponse) => {
  await changeContractStatusWorkflow(req.scope).run({
    input: { contract_id: req.params.id, status: req.validatedBody.status, recorded_by: req.access.person_id, actor: auditActorOf(req) },
  })
  res.json({ framework_contract: await ficha(req.scope, req.params.id) })
}
