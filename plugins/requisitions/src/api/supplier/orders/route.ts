import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { supplierOrders } from "../../supplier-orders"

/** The orders placed with my company (released by our contracts in force). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const orders = await supplierOrders(req.scope, req.access.organization_id)
  res.json({ orders, count: orders.length })
}
