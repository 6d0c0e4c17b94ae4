import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { KEY_FIELDS, presentKey } from "../../../helpers"
import type { ListBudgetKeysType } from "../../../validators"

/** All budget keys of every agency (SHCP). */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const q = req.validatedQuery as unknown as ListBudgetKeysType
  const filters: Record<string, unknown> = {}
  for (const f of ["organization_id", "fiscal_year", "partida_especifica"] as const) {
    if (q[f] !== undefined) {
      filters[f] = q[f]
    }
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
