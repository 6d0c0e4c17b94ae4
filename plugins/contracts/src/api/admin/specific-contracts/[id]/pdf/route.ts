import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendPdf } from "../../../../specific-contracts/helpers"

/** GET /admin/specific-contracts/:id/pdf */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => sendPdf(req, res, "all")
