import "server-only"
import { cookies } from "next/headers"
import type { Session } from "@lib/session"
import { lineAmounts, sumAmounts } from "@lib/format"
import { callBackend, type ApiResult } from "./backend"

/** One eligible offer of an item, as GET /store/catalog/items/:id compares them (cheapest first). */
export type ItemOffer = {
  offer_id: string
  /** The Medusa variant that sells the offer (what a cart line adds). */
  variant_id: string | null
  supplier: { id: string; legal_name: string; rfc: string; sme: boolean }
  /** Decimal string, pesos, before IVA. */
  price: string
  currency_code: string
  min_order_qty: number
  stock: number | null
  /** Days to deliver to the buyer's state; null when the offer does not deliver there. */
  delivery_days: number | null
  delivers_to_buyer: boolean
}

export type ItemDetail = {
  item: {
    id: string
    code: string
    name: string
    description: string
    unspsc_code: string
    cog_partida: string
    sat_clave_unidad: string
    ceiling_price: string
    iva_treatment: "tasa_16" | "tasa_0" | "exento"
    contract_id: string
    lot: { id: string; number: number; title: string }
  }
  buyer_state: string | null
  offers: ItemOffer[]
}

export function getItem(session: Session, id: string): Promise<ApiResult<ItemDetail>> {
  return callBackend(`/store/catalog/items/${encodeURIComponent(id)}`, { token: session.token })
}

// ---------------------------------------------------------------- cart

export type CartLine = {
  id: string
  product_title: string | null
  variant_title: string | null
  variant_id: string
  quantity: number
  unit_price: number | string
  product?: { metadata?: Record<string, unknown> | null } | null
}

export type Cart = {
  id: string
  completed_at: string | null
  items: CartLine[]
  currency_code: string
}

export type PricedLine = CartLine & { amounts: { subtotal: string; iva: string; total: string } | null }

/**
 * The cart's lines with their amounts computed as the requisition will
 * (IVA per concept, from each offer's item treatment in the product's
 * metadata), and their sums: an estimate at the prices in the cart.
 */
export function priceCart(cart: Cart): { lines: PricedLine[]; subtotal: string; iva: string; total: string } {
  const lines = cart.items.map((l) => ({
    ...l,
    amounts: lineAmounts(l.unit_price, Number(l.quantity), String(l.product?.metadata?.iva_treatment ?? "tasa_16")),
  }))
  const sum = (k: "subtotal" | "iva" | "total") => sumAmounts(lines.map((l) => l.amounts?.[k] ?? "0"))
  return { lines, subtotal: sum("subtotal"), iva: sum("iva"), total: sum("total") }
}

/** The cart is remembered per browser in an httpOnly cookie; the API checks it is the caller's. */
const CART_COOKIE = "tienda_carrito"
// the product carries the offer's framework item, COG partida and IVA treatment (metadata)
const CART_FIELDS = "id,completed_at,currency_code,*items,*items.product"

export function cartIdCookie(): string | null {
  return cookies().get(CART_COOKIE)?.value ?? null
}

/** Only in server actions (cookie writes). */
export function rememberCart(id: string | null) {
  if (id) {
    cookies().set(CART_COOKIE, id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 30 * 24 * 60 * 60 })
  } else {
    cookies().delete(CART_COOKIE)
  }
}

/** The caller's open cart, or null (none yet, completed, or no longer theirs). */
export async function getCart(session: Session): Promise<ApiResult<Cart | null>> {
  const id = cartIdCookie()
  if (!id) {
    return { ok: true, data: null, headers: new Headers() }
  }
  const res = await callBackend<{ cart: Cart }>(`/store/carts/${encodeURIComponent(id)}?fields=${encodeURIComponent(CART_FIELDS)}`, {
    token: session.token,
  })
  if (!res.ok) {
    return res.error.status === 404 ? { ok: true, data: null, headers: new Headers() } : res
  }
  return { ok: true, data: res.data.cart.completed_at ? null : res.data.cart, headers: res.headers }
}

/** A new cart in the store's region (México), owned by the caller. */
export async function createCart(session: Session): Promise<ApiResult<{ cart: Cart }>> {
  const regions = await callBackend<{ regions: { id: string; currency_code: string }[] }>("/store/regions?fields=id,currency_code")
  if (!regions.ok) {
    return regions
  }
  const region = regions.data.regions.find((r) => r.currency_code === "mxn") ?? regions.data.regions[0]
  return callBackend("/store/carts", { method: "POST", token: session.token, body: region ? { region_id: region.id } : {} })
}

export function addCartLine(session: Session, cartId: string, variantId: string, quantity: number): Promise<ApiResult<{ cart: Cart }>> {
  return callBackend(`/store/carts/${encodeURIComponent(cartId)}/line-items`, {
    method: "POST",
    token: session.token,
    body: { variant_id: variantId, quantity },
  })
}

export function updateCartLine(session: Session, cartId: string, lineId: string, quantity: number): Promise<ApiResult<{ cart: Cart }>> {
  return callBackend(`/store/carts/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}`, {
    method: "POST",
    token: session.token,
    body: { quantity },
  })
}

export function removeCartLine(session: Session, cartId: string, lineId: string): Promise<ApiResult<unknown>> {
  return callBackend(`/store/carts/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}`, {
    method: "DELETE",
    token: session.token,
  })
}

// ---------------------------------------------------------------- what the requisition form offers

export type BudgetKey = {
  id: string
  clave: string
  unit_id: string | null
  partida_especifica: string
  fiscal_year: number
  is_active: boolean
  disponible: string
  description?: string | null
}

export async function listBudgetKeys(session: Session): Promise<ApiResult<BudgetKey[]>> {
  const res = await callBackend<{ budget_keys: (BudgetKey & { disponible: unknown })[] }>("/store/budget/keys?limit=200", {
    token: session.token,
  })
  return res.ok ? { ...res, data: res.data.budget_keys.map((k) => ({ ...k, disponible: String(k.disponible) })) } : res
}

export type OrganizationUnit = { id: string; code: string; name: string; state_code: string | null; codigo_postal?: string | null }

export async function getUnits(session: Session): Promise<ApiResult<OrganizationUnit[]>> {
  const res = await callBackend<{ organization: { units?: OrganizationUnit[] } }>("/store/organization", { token: session.token })
  return res.ok ? { ...res, data: res.data.organization.units ?? [] } : res
}

export type Person = { id: string; full_name: string; position?: string | null }

/** Names of the agency's people (the directory), to show who decided; empty when the caller may not read it. */
export async function peopleById(session: Session): Promise<Map<string, Person>> {
  const res = await callBackend<{ people: Person[] }>("/store/organization/people?limit=200", { token: session.token })
  return new Map(res.ok ? res.data.people.map((p) => [p.id, p]) : [])
}

// ---------------------------------------------------------------- requisitions

export type RequisitionStatus =
  "draft" | "pending_approval" | "returned" | "rejected" | "approved" | "requires_competition" | "contracted" | "ordered" | "cancelled"

export type ApprovalStep = {
  id: string
  revision: number
  sequence: number
  role: string
  status: "pending" | "approved" | "rejected" | "returned" | "superseded"
  due_at: string
  escalated_at: string | null
  decided_by_person_id: string | null
  on_behalf_of_person_id: string | null
  decided_role: string | null
  decided_at: string | null
  reason: string | null
}

export type RequisitionLine = {
  id: string
  offer_id: string
  variant_id?: string
  item_id: string
  item_name: string
  supplier_id: string
  quantity: number
  unit_price: string | number
  iva_rate: string
  subtotal: string | number
  iva: string | number
  total: string | number
  delivery_place: string
  delivery_date: string
}

export type Requisition = {
  id: string
  number: string
  organization_id: string
  unit_id: string
  requester_person_id: string
  status: RequisitionStatus
  justification: string
  delivery_address: { street: string; colonia: string; municipio: string; estado: string; codigo_postal: string } | null
  budget_key_id: string
  subtotal: string | number
  iva: string | number
  total: string | number
  revision: number
  flags: unknown
  submitted_at: string | null
  decided_at: string | null
  created_at: string
  updated_at: string
  lines?: RequisitionLine[]
  approval_steps?: ApprovalStep[]
}

export type InboxEntry = Requisition & { current_step: ApprovalStep; acting_as: unknown }

export type NewRequisition = {
  cart_id: string
  unit_id: string
  justification: string
  budget_key_id: string
  delivery_place: string
  delivery_date: string
  delivery_address?: { street: string; colonia: string; municipio: string; estado: string; codigo_postal: string } | null
}

export function createRequisition(
  session: Session,
  body: NewRequisition,
  idempotencyKey: string,
): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend("/store/requisitions", { method: "POST", token: session.token, body, idempotencyKey })
}

export function submitRequisition(session: Session, id: string, idempotencyKey: string): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend(`/store/requisitions/${encodeURIComponent(id)}/submit`, {
    method: "POST",
    token: session.token,
    body: {},
    idempotencyKey,
  })
}

export function decideRequisition(
  session: Session,
  id: string,
  body: { decision: "approve" | "reject" | "return"; reason: string | null },
  idempotencyKey: string,
): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend(`/store/requisitions/${encodeURIComponent(id)}/decisions`, {
    method: "POST",
    token: session.token,
    body,
    idempotencyKey,
  })
}

export function withdrawRequisition(
  session: Session,
  id: string,
  reason: string,
  idempotencyKey: string,
): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend(`/store/requisitions/${encodeURIComponent(id)}/withdraw`, {
    method: "POST",
    token: session.token,
    body: { reason },
    idempotencyKey,
  })
}

export function getRequisition(session: Session, id: string): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend(`/store/requisitions/${encodeURIComponent(id)}`, { token: session.token })
}

export function listMyRequisitions(session: Session): Promise<ApiResult<{ requisitions: Requisition[]; count: number }>> {
  return callBackend("/store/requisitions?limit=100", { token: session.token })
}

export function listInbox(session: Session): Promise<ApiResult<{ requisitions: InboxEntry[]; count: number }>> {
  return callBackend("/store/requisitions/inbox?limit=100", { token: session.token })
}

export type RequisitionEdit = {
  justification: string
  budget_key_id: string
  delivery_place: string
  delivery_date: string
  delivery_address?: { street: string; colonia: string; municipio: string; estado: string; codigo_postal: string } | null
  lines: { variant_id: string; quantity: number }[]
}

/** A correction of my draft or returned requisition: a new version whose chain starts over (POST /store/requisitions/:id). */
export function editRequisition(session: Session, id: string, body: RequisitionEdit): Promise<ApiResult<{ requisition: Requisition }>> {
  return callBackend(`/store/requisitions/${encodeURIComponent(id)}`, { method: "POST", token: session.token, body })
}
