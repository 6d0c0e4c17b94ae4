import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../../http/authorize"
import { listPeople } from "../../../helpers"
import type { ListDirectoryType } from "../../../validators"

/** Directory of the caller's own agency (to pick approvers and delegates). */
export const GET = async (req: AuthorizedRequest<unknown, ListDirectoryType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery
  res.json(
    await listPeople(req.scope, {
      limit,
      offset,
      organization_id: req.access.organization_id,
    }),
  )
}
