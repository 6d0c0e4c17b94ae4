import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { supplierOrder } from "../../../supplier-orders"

/** One order placed with my company; 404 for any other. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  res.json({ order: await supplierOrder(req.scope, req.access.organization_id, req.params.id) })
}
