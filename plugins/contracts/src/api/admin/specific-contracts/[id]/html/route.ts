import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendHtml } from "../../../../specific-contracts/helpers"

/** GET /admin/specific-contracts/:id/html */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => sendHtml(req, res, "all")
