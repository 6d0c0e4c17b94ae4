import type { MedusaResponse } from "@medusajs/framework/http"
import { pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { createRequisitionWorkflow } from "../../../workflows/create-requisition"
import { requisitionOf, rqService } from "../../helpers"
import type { StoreCreateRequisitionType, StoreListRequisitionsType } from "../../validators"

/** My requisitions (as requester), newest first; `?fields=` narrows each (query-config.ts). */
export const GET = async (req: AuthorizedRequest<unknown, StoreListRequisitionsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const [requisitions, count] = await rqService(req.scope).listAndCountRequisitions(
    { requester_person_id: req.access.person_id, ...(q.status ? { status: q.status as never } : {}) },
    { order: { created_at: "DESC" }, skip: q.offset, take: q.limit },
  )
  res.json({ requisitions: pickFields(req, requisitions), count, offset: q.offset, limit: q.limit })
}

/** Turns my cart into a draft requisition. */
export const POST = async (req: AuthorizedRequest<StoreCreateRequisitionType>, res: MedusaResponse) => {
  const { result } = await createRequisitionWorkflow(req.scope).run({
    input: { ...req.validatedBody, access: req.access, customer_id: req.auth_context.actor_id },
  })
  res.status(201).json({ requisition: await requisitionOf(req.scope, result.id, req.access.organization_id) })
}
