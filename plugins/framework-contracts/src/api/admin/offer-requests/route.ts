import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { fcService } from "../../helpers"
import type { AdminListOfferRequestsType } from "../../validators"

/** The review queue (pending first by default). */
export const GET = async (req: AuthorizedRequest<unknown, AdminListOfferRequestsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery
  const [requests, count] = await fcService(req.scope).listAndCountOfferRequests(
    { status: (status ?? "pending") as never },
    { skip: offset, take: limit, order: { created_at: "ASC" } },
  )
  res.json({ offer_requests: requests, count, offset, limit })
}
