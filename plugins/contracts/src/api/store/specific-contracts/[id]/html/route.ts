import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendHtml } from "../../../../specific-contracts/helpers"

/** GET /store/specific-contracts/:id/html — the rendered document (X-Content-SHA256 = html_sha256). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => sendHtml(req, res, "agency")
