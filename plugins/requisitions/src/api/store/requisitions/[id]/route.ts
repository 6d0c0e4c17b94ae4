import type { MedusaResponse } from "@medusajs/framework/http"
import { pickRecordFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { editRequisitionWorkflow } from "../../../../workflows/edit-requisition"
import { requisitionOf } from "../../../helpers"
import type { StoreEditRequisitionType, StoreGetRequisitionType } from "../../../validators"

/** A requisition of my agency with its lines and approval timeline (every revision). */
export const GET = async (req: AuthorizedRequest<unknown, StoreGetRequisitionType>, res: MedusaResponse) => {
  res.json({ requisition: pickRecordFields(req, await requisitionOf(req.scope, req.params.id, req.access.organization_id)) })
}

/** Edits my requisition: a new revision whose approval chain starts over. */
export const POST = async (req: AuthorizedRequest<StoreEditRequisitionType>, res: MedusaResponse) => {
  await editRequisitionWorkflow(req.scope).run({
    input: { ...req.validatedBody, requisition_id: req.params.id, access: req.access, customer_id: req.auth_context.actor_id },
  })
  res.json({ requisition: await requisitionOf(req.scope, req.params.id, req.access.organization_id) })
}
