import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { buyerScope } from "../../../../catalog/buyer-catalog"
import { fcService } from "../../../helpers"
import type { StoreListItemsType } from "../../../validators"

/** Items the caller's units may buy, optionally under a UNSPSC node or matching text. */
export const GET = async (req: AuthorizedRequest<unknown, StoreListItemsType>, res: MedusaResponse) => {
  const { limit, offset, unspsc, q } = req.validatedQuery
  const scope = await buyerScope(req.scope, req.access)
  const service = fcService(req.scope)
  const lots = scope.contract_ids.length ? await service.listFrameworkLots({ contract_id: scope.contract_ids }, { take: null }) : []
  if (!lots.length) {
    res.json({ items: [], count: 0, offset, limit })
    return
  }
  const filters: Record<string, unknown> = { lot_id: lots.map((l) => l.id) }
  if (unspsc) {
    filters.unspsc_code = { $like: `${unspsc.replace(/0+$/, "")}%` }
  }
  if (q) {
    filters.name = { $ilike: `%${q}%` }
  }
  const [items, count] = await service.listAndCountFrameworkItems(filters, {
    skip: offset,
    take: limit,
    order: { name: "ASC" },
  })
  res.json({
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unspsc_code: i.unspsc_code,
      cog_partida: i.cog_partida,
      sat_clave_unidad: i.sat_clave_unidad,
      ceiling_price: String(i.ceiling_price),
    })),
    count,
    offset,
    limit,
  })
}
