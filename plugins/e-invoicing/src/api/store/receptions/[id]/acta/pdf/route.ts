import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { sendActaPdf } from "../../../../../acta/helpers"

/** GET /store/receptions/:id/acta/pdf — the acta's PDF (X-Content-SHA256 = pdf_sha256). */
export const GET = (req: AuthorizedRequest, res: MedusaResponse) => sendActaPdf(req, res, "agency")
