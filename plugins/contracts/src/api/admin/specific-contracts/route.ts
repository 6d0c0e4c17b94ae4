import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { list } from "../../specific-contracts/helpers"
import type { AdminListSpecificContractsType } from "../../specific-contracts/validators"

/** GET /admin/specific-contracts — every agency's contracts (SHCP), filterable by agency and supplier. */
export const GET = async (req: MedusaRequest<unknown, AdminListSpecificContractsType>, res: MedusaResponse) => {
  const { agency_id, supplier_id } = req.validatedQuery
  return list(req, res, "all", { ...(agency_id ? { agency_id } : {}), ...(supplier_id ? { supplier_id } : {}) })
}
