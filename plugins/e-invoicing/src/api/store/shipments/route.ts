import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { einvService } from "../../delivery/helpers"
import type { StoreListShipmentsType } from "../../delivery/validators"

/** GET /store/shipments — shipments addressed to my agency (pending reception first), for the Reception Manager. */
export async function GET(req: AuthorizedRequest<unknown, StoreListShipmentsType>, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery
  const [shipments, count] = await einvService(req).listAndCountShipments(
    { agency_id: req.access.organization_id, ...(status ? { status } : {}) },
    { relations: ["lines"], take: limit, skip: offset, order: { status: "DESC", created_at: "ASC" } },
  )
  res.json({ shipments, count, limit, offset })
}
