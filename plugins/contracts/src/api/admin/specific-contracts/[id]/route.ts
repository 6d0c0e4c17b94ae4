import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { detail } from "../../../specific-contracts/helpers"

/** GET /admin/specific-contracts/:id */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ specific_contract: await detail(req, "all") })
}
