import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { detail } from "../../../specific-contracts/helpers"

/** GET /store/specific-contracts/:id — detail, signatures, amendments and the payload to sign. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ specific_contract: await detail(req, "agency") })
}
