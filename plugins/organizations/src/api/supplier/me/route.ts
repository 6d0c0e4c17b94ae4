import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { auditActorOf } from "../../../http/audit-actor"
import { updateSupplierContactWorkflow } from "../../../workflows/update-supplier-contact"
import { profileOf, retrieveOrganization } from "../../helpers"
import type { SupplierUpdateContactType } from "../../validators"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  res.json({
    profile: profileOf(req.access),
    supplier: await retrieveOrganization(req.scope, req.access.organization_id),
  })
}

export const POST = async (req: AuthorizedRequest<SupplierUpdateContactType>, res: MedusaResponse) => {
  await updateSupplierContactWorkflow(req.scope).run({
    input: { organization_id: req.access.organization_id, ...req.validatedBody, actor: auditActorOf(req) },
  })
  res.json({
    profile: profileOf(req.access),
    supplier: await retrieveOrganization(req.scope, req.access.organization_id),
  })
}
