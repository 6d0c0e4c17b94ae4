import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { list } from "../../specific-contracts/helpers"

/** GET /supplier/specific-contracts — the caller's company's contracts and amendments. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => list(req, res, "supplier")
