import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "../../../http/authorize"
import { profileOf } from "../../helpers"

export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  res.json({ profile: profileOf(req.access) })
}
