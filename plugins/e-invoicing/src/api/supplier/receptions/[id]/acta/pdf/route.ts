import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { sendActaPdf } from "../../../../../acta/helpers"

/** GET /supplier/receptions/:id/acta/pdf — the supplier's copy of the acta of its shipment's reception. */
export const GET = (req: AuthorizedRequest, res: MedusaResponse) => sendActaPdf(req, res, "supplier")
