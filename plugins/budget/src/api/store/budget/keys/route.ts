import type { MedusaResponse } from "@medusajs/framework/http"
import { type AuthorizedRequest, pickFields, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { listBudgetKeys } from "../../../helpers"
import type { ListBudgetKeysType } from "../../../validators"

/**
 * Budget keys of the caller's agency with their disponible; unit-scoped
 * roles see the agency-wide keys and those of their units.
 */
export const GET = async (req: AuthorizedRequest<unknown, ListBudgetKeysType>, res: MedusaResponse) => {
  const q = req.validatedQuery
  const units = unitsWithPermission(req.access, PERMISSIONS.BUDGET_READ)
  const filters: Record<string, unknown> = { organization_id: req.access.organization_id }
  if (units !== null) {
    filters.$or = [{ unit_id: null }, { unit_id: units }]
  }
  if (q.fiscal_year) {
    filters.fiscal_year = q.fiscal_year
  }
  if (q.partida_especifica) {
    filters.partida_especifica = q.partida_especifica
  }
  const page = await listBudgetKeys(req.scope, filters, q)
  res.json({ ...page, budget_keys: pickFields(req, page.budget_keys) })
}
