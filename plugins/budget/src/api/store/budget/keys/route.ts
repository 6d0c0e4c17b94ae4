import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { type AuthorizedRequest, unitsWithPermission } from "@tienda/organizations/http"
import { PERMISSIONS } from "@tienda/organizations/utils"
import { KEY_FIELDS, presentKey } from "../../../helpers"
import type { ListBudgetKeysType } from "../../../validators"

/**
 * Budget keys of the caller's agency with their disponible; unit-scoped
 * roles see the agency-wide keys and those of their units.
 */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as ListBudgetKeysType
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
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "budget_key",
    fields: [...KEY_FIELDS],
    filters,
    pagination: { skip: q.offset, take: q.limit, order: { clave: "ASC" } },
  })
  res.json({
    budget_keys: data.map((k) => presentKey(k as never)),
    count: metadata?.count ?? data.length,
    offset: q.offset,
    limit: q.limit,
  })
}
