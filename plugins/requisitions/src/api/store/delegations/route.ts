import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { createDelegationWorkflow } from "../../../workflows/create-delegation"
import { rqService } from "../../helpers"
import type { StoreCreateDelegationType } from "../../validators"

/** Delegations I gave or received. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const service = rqService(req.scope)
  const given = await service.listDelegations({ delegator_person_id: req.access.person_id }, { take: null })
  const received = await service.listDelegations({ delegate_person_id: req.access.person_id }, { take: null })
  res.json({ given, received })
}

/** Delegates one of my approval roles to a colleague for a period. */
export const POST = async (req: AuthorizedRequest<StoreCreateDelegationType>, res: MedusaResponse) => {
  const { result } = await createDelegationWorkflow(req.scope).run({ input: { ...req.validatedBody, access: req.access } })
  res.status(201).json({ delegation: result })
}
