import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createContract } from "../../specific-contracts/handlers"
import { list } from "../../specific-contracts/helpers"
import type { ListSpecificContractsType } from "../../specific-contracts/validators"

/** GET /store/specific-contracts — the caller's agency's contracts and amendments. */
export const GET = async (req: MedusaRequest<unknown, ListSpecificContractsType>, res: MedusaResponse) => list(req, res, "agency")

/** POST /store/specific-contracts — issue a specific contract (Purchasing Unit). */
export const POST = createContract
