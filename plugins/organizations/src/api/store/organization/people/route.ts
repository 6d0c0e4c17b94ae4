import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { listPeople } from "../../../helpers"

/** Directory of the caller's own agency (to pick approvers and delegates). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as { limit: number; offset: number }
  res.json(
    await listPeople(req.scope, {
      limit,
      offset,
      organization_id: req.access.organization_id,
    })
  )
}
