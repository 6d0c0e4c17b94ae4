import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { list } from "../../specific-contracts/helpers"
import type { ListSpecificContractsType } from "../../specific-contracts/validators"

/** GET /supplier/specific-contracts — the caller's company's contracts and amendments. */
export const GET = async (req: MedusaRequest<unknown, ListSpecificContractsType>, res: MedusaResponse) => list(req, res, "supplier")
