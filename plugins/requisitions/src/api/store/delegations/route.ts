import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { createDelegationWorkflow } from "../../../workflows/create-delegation"
import type { DelegationInput } from "../../../workflows/steps/create-delegation-record"
import { rqService } from "../../helpers"

/** Delegations I gave or received. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const service = rqService(req.scope)
  const given = await service.listDelegations({ delegator_person_id: req.access.person_id }, { take: null })
  const received = await service.listDelegations({ delegate_person_id: req.access.person_id }, { take: null })
  res.json({ given, received })
}

/** Delegates one of my approval roles to a colleague for a period. */
export const POST = async (req: AuthorizedRequest<Omit<DelegationInput, "access">>, res: MedusaResponse) => {
  const { result } = await createDelegationWorkflow(req.scope).run({ input: { ...req.validatedBody, access: req.access } })
  res.status(201).json({ delegation: result })
}
