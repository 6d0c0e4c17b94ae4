import type { MedusaResponse } from "@medusajs/framework/http"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { buyerScope, eligibleOffers, notVisible } from "../../../../../catalog/buyer-catalog"
import { fcService } from "../../../../helpers"

/**
 * An item with every eligible offer side by side: price, delivery days to
 * the buyer's state, SME badge. 404 when the caller's units are not enrolled
 * in the item's contract (the item's existence is not revealed).
 */
export const GET = async (req: AuthorizedRequest, res: MedusaResponse) => {
  const service = fcService(req.scope)
  const [item] = await service.listFrameworkItems({ id: req.params.id }, { relations: ["lot", "offers"], take: 1 })
  if (!item) {
    notVisible()
  }
  const contractId = (item.lot as unknown as { contract_id: string }).contract_id
  const scope = await buyerScope(req.scope, req.access)
  if (!scope.contract_ids.includes(contractId)) {
    notVisible()
  }
  const offers = await eligibleOffers(req.scope, contractId, item.offers as never, scope.state_code)
  res.json({
    item: {
      id: item.id,
      code: item.code,
      name: item.name,
      description: item.description,
      unspsc_code: item.unspsc_code,
      cog_partida: item.cog_partida,
      sat_clave_unidad: item.sat_clave_unidad,
      ceiling_price: String(item.ceiling_price),
      iva_treatment: item.iva_treatment,
      contract_id: contractId,
      lot: { id: item.lot.id, number: item.lot.number, title: item.lot.title },
    },
    buyer_state: scope.state_code,
    offers,
  })
}
