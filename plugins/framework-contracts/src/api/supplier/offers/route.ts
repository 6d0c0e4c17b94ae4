import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { fcService } from "../../helpers"

/** The caller's company offers with their price history. */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const offers = await fcService(req.scope).listOffers(
    { supplier_id: req.access.organization_id },
    { relations: ["item", "prices"], take: null },
  )
  res.json({ offers })
}
