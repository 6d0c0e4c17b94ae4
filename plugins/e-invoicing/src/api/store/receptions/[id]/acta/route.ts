import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { actaView, ownActa } from "../../../../acta/helpers"

/** GET /store/receptions/:id/acta — the reception's acta de entrega-recepción: HTML, digests, status and the payload to sign. */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  res.json({ acta: actaView(await ownActa(req, req.params.id, "agency"), true) })
}
