import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AuthorizedRequest } from "@tienda/organizations/http"
import { fcService, priceDifference } from "../../helpers"
import type { AdminListOfferRequestsType } from "../../validators"

const decimal = (v: unknown) => (v === null || v === undefined ? null : String(v))

/**
 * The review queue (pending first by default), each request with what the
 * reviewer needs to decide: the item and its ceiling price, the supplier, the
 * price in force (for a price change) and the difference.
 */
export const GET = async (req: AuthorizedRequest<unknown, AdminListOfferRequestsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery
  const service = fcService(req.scope)
  const [requests, count] = await service.listAndCountOfferRequests(
    { status: (status ?? "pending") as never },
    { skip: offset, take: limit, order: { created_at: "ASC" } },
  )
  const itemIds = [...new Set(requests.map((r) => r.item_id))]
  const offerIds = [...new Set(requests.map((r) => r.offer_id).filter((id): id is string => !!id))]
  const supplierIds = [...new Set(requests.map((r) => r.supplier_id))]
  const [items, offers, suppliers] = await Promise.all([
    itemIds.length ? service.listFrameworkItems({ id: itemIds }, { select: ["id", "code", "name", "ceiling_price"] }) : [],
    offerIds.length ? service.listOffers({ id: offerIds }, { select: ["id", "price"] }) : [],
    supplierIds.length
      ? req.scope
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "organization", fields: ["id", "legal_name", "rfc"], filters: { id: supplierIds } })
          .then((r) => r.data as { id: string; legal_name: string; rfc: string }[])
      : [],
  ])
  const item = new Map(items.map((i) => [i.id, i]))
  const offer = new Map(offers.map((o) => [o.id, o]))
  const supplier = new Map(suppliers.map((s) => [s.id, s]))
  res.json({
    offer_requests: requests.map((r) => {
      const i = item.get(r.item_id)
      const previous = r.kind === "price_change" && r.offer_id ? decimal(offer.get(r.offer_id)?.price) : null
      const price = String(r.price)
      return {
        ...r,
        price,
        item: i ? { id: i.id, code: i.code, name: i.name, ceiling_price: decimal(i.ceiling_price) } : null,
        supplier: supplier.get(r.supplier_id) ?? null,
        previous_price: previous,
        difference: priceDifference(price, previous),
      }
    }),
    count,
    offset,
    limit,
  })
}
