import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

type OrderRow = {
  id: string
  display_id?: number
  status?: string
  created_at?: string
  metadata?: Record<string, unknown> | null
  items?: unknown[]
}
type ContractRow = {
  id: string
  number: string
  supplier_id: string
  agency_id: string
  requisition_id: string | null
  total: unknown
  in_force_at: string | null
  order?: OrderRow | null
}

const FIELDS = [
  "id",
  "number",
  "supplier_id",
  "agency_id",
  "requisition_id",
  "total",
  "in_force_at",
  "order.id",
  "order.display_id",
  "order.status",
  "order.created_at",
  "order.metadata",
  "order.currency_code",
  "order.items.id",
  "order.items.title",
  "order.items.variant_id",
  "order.items.unit_price",
  "order.items.metadata",
  "order.items.detail.quantity",
  "order.shipping_address.address_1",
]

/** The orders released by the supplier's contracts in force (newest first). */
export async function supplierOrders(container: MedusaContainer, supplierId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "specific_contract",
    fields: FIELDS,
    filters: { supplier_id: supplierId, status: "in_force" },
  })
  return (data as unknown as ContractRow[])
    .filter((c) => c.order)
    .map(({ order, ...contract }) => ({ ...order!, specific_contract: { ...contract, total: String(contract.total) } }))
    .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)))
}

/** One order of the supplier's; another supplier's (or no) order is the same 404. */
export async function supplierOrder(container: MedusaContainer, supplierId: string, orderId: string) {
  const order = (await supplierOrders(container, supplierId)).find((o) => o.id === orderId)
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "El pedido no existe o no es de tu empresa.", "PEDIDO_NO_EXISTE")
  }
  return order
}
