import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendPdf } from "../../../../specific-contracts/helpers"

/** GET /store/specific-contracts/:id/pdf — the PDF (X-Content-SHA256 = pdf_sha256). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => sendPdf(req, res, "agency")
