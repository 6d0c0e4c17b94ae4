import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AccessContext } from "@tienda/organizations/utils"
import type { OwnedResource } from "./policy"

type Query = {
  graph: (q: { entity: string; fields: string[]; filters: Record<string, unknown> }) => Promise<{ data: Record<string, unknown>[] }>
}

/** The id the rule names, from the route params, the body or the query string. */
export function ownedIdOf(req: MedusaRequest, resource: OwnedResource, params: Record<string, string>): string | undefined {
  const [where, key] = resource.from.split(".") as ["params" | "body" | "query", string]
  const bag = (where === "params" ? params : where === "body" ? req.body : req.query) as Record<string, unknown> | undefined
  const value = bag?.[key]
  return typeof value === "string" && value.length > 0 && value.length <= 100 ? value : undefined
}

/** The customer that owns a cart, order or payment collection (null: nobody, undefined: no such resource). */
async function ownerCustomerOf(query: Query, entity: OwnedResource["entity"], id: string): Promise<string | null | undefined> {
  if (entity === "payment_collection") {
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: ["id", "cart.customer_id", "order.customer_id"],
      filters: { id },
    })
    const row = data[0] as { cart?: { customer_id?: string | null }; order?: { customer_id?: string | null } } | undefined
    return row ? (row.cart?.customer_id ?? row.order?.customer_id ?? null) : undefined
  }
  const { data } = await query.graph({ entity, fields: ["id", "customer_id"], filters: { id } })
  return data[0] ? ((data[0].customer_id as string | null) ?? null) : undefined
}

/** The organization of the person behind a Medusa customer. */
export async function organizationOfCustomer(query: Query, customerId: string): Promise<string | null> {
  const { data } = await query.graph({
    entity: "person",
    fields: ["organization_id"],
    filters: { actor_type: "customer", actor_id: customerId },
  })
  return (data[0]?.organization_id as string | undefined) ?? null
}

/**
 * Whether the caller's organization owns the resource the request names:
 * a resource with no owner (an anonymous cart) belongs to nobody, and a
 * resource of another organization is treated as nonexistent.
 */
export async function ownsResource(
  req: MedusaRequest,
  access: AccessContext,
  resource: OwnedResource,
  params: Record<string, string>,
): Promise<boolean> {
  const id = ownedIdOf(req, resource, params)
  if (!id) {
    return false
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const customerId = await ownerCustomerOf(query, resource.entity, id)
  if (!customerId) {
    return false
  }
  if (customerId === access.actor_id) {
    return true
  }
  return (await organizationOfCustomer(query, customerId)) === access.organization_id
}

/**
 * A budget key or reservation named in a payment session's data must belong
 * to the caller's organization: an agency pays only with its own budget.
 */
export async function budgetOfOwnOrganization(req: MedusaRequest, access: AccessContext): Promise<boolean> {
  const data = ((req.body ?? {}) as { data?: Record<string, unknown> }).data
  if (!data || typeof data !== "object") {
    return true
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY) as unknown as Query
  const keyIds: string[] = []
  if (data.budget_key_id !== undefined) {
    if (typeof data.budget_key_id !== "string") {
      return false
    }
    keyIds.push(data.budget_key_id)
  }
  if (data.budget_reservation_id !== undefined) {
    if (typeof data.budget_reservation_id !== "string") {
      return false
    }
    const { data: movements } = await query.graph({
      entity: "budget_movement",
      fields: ["id", "budget_key_id"],
      filters: { id: data.budget_reservation_id },
    })
    if (!movements[0]) {
      return false
    }
    keyIds.push(movements[0].budget_key_id as string)
  }
  for (const id of keyIds) {
    const { data: keys } = await query.graph({ entity: "budget_key", fields: ["id", "organization_id"], filters: { id } })
    if (keys[0]?.organization_id !== access.organization_id) {
      return false
    }
  }
  return true
}
