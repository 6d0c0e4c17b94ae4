import type { MedusaResponse } from "@medusajs/framework/http"
import { pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { rqService } from "../../helpers"
import type { StoreListRequisitionsType } from "../../validators"

/** Every agency's requisitions (SHCP oversight), newest first; `?fields=` narrows each (query-config.ts). */
export const GET = async (req: AuthorizedRequest<unknown, StoreListRequisitionsType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const [requisitions, count] = await rqService(req.scope).listAndCountRequisitions(q.status ? { status: q.status as never } : {}, {
    relations: ["approval_steps"],
    order: { created_at: "DESC" },
    skip: q.offset,
    take: q.limit,
  })
  res.json({ requisitions: pickFields(req, requisitions), count, offset: q.offset, limit: q.limit })
}
