import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { bankAccountView, ownAccount } from "../helpers"

/** GET /supplier/bank-accounts/:id — one of the supplier's accounts (404 for anyone else's). */
export async function GET(req: AuthorizedRequest, res: MedusaResponse) {
  res.json({ bank_account: bankAccountView(await ownAccount(req, req.params.id)) })
}
