import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { ownReception } from "../../../delivery/helpers"

/** GET /store/receptions/:id — one reception of my agency with its lines and penalty. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  res.json({ reception: await ownReception(req, req.params.id) })
}
