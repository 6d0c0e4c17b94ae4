import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { rqService } from "../../helpers"

/** Every agency's requisitions (SHCP oversight), newest first. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as { limit: number; offset: number; status?: string }
  const [requisitions, count] = await rqService(req.scope).listAndCountRequisitions(
    q.status ? { status: q.status as never } : {},
    { relations: ["approval_steps"], order: { created_at: "DESC" }, skip: q.offset, take: q.limit }
  )
  res.json({ requisitions, count, offset: q.offset, limit: q.limit })
}
