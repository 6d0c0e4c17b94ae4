import type { MedusaResponse } from "@medusajs/framework/http"
import { pickFields, type AuthorizedRequest } from "@tienda/organizations/http"
import { listBudgetKeys } from "../../../helpers"
import type { ListBudgetKeysType } from "../../../validators"

/** All budget keys of every agency (SHCP). */
export const GET = async (req: AuthorizedRequest<unknown, ListBudgetKeysType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const filters: Record<string, unknown> = {}
  for (const f of ["organization_id", "fiscal_year", "partida_especifica"] as const) {
    if (q[f] !== undefined) {
      filters[f] = q[f]
    }
  }
  const page = await listBudgetKeys(req.scope, filters, q)
  res.json({ ...page, budget_keys: pickFields(req, page.budget_keys) })
}
