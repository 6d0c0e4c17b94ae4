import "server-only"
import type { Session } from "@lib/session"
import { callBackend, type ApiResult } from "./backend"

// ---------------------------------------------------------------- supplier

export type SupplierFrameworkContract = {
  enrolment: { status: string; valid_from: string | null; valid_until: string | null }
  contract: { id: string; number: string; title: string; status: string; valid_from?: string | null; valid_until?: string | null }
}

export type SupplierOffer = {
  id: string
  price: string | number
  min_order_qty: number
  delivery_days: Record<string, number>
  stock: number | null
  status: "active" | "withdrawn"
  item: { id: string; code: string; name: string; ceiling_price?: string | number; iva_treatment?: string }
  prices: { id: string; price: string | number; valid_from: string; valid_until: string | null }[]
}

export type OfferRequest = {
  id: string
  kind: "new_offer" | "price_change"
  item_id: string
  offer_id: string | null
  price: string | number
  status: "pending" | "approved" | "rejected"
  reason: string | null
  created_at: string
  reviewed_at: string | null
}

export function listSupplierFrameworkContracts(session: Session): Promise<ApiResult<{ framework_contracts: SupplierFrameworkContract[] }>> {
  return callBackend("/supplier/framework-contracts", { token: session.token })
}

export function listSupplierOffers(session: Session): Promise<ApiResult<{ offers: SupplierOffer[] }>> {
  return callBackend("/supplier/offers", { token: session.token })
}

export function listOfferRequests(session: Session): Promise<ApiResult<{ offer_requests: OfferRequest[] }>> {
  return callBackend("/supplier/offer-requests", { token: session.token })
}

export function submitOfferRequest(
  session: Session,
  body: { item_id: string; price: string; min_order_qty: number; delivery_days: Record<string, number>; stock?: number | null },
): Promise<ApiResult<{ offer_request: OfferRequest }>> {
  return callBackend("/supplier/offer-requests", { method: "POST", token: session.token, body })
}

// ---------------------------------------------------------------- agency: catalog by category

export type ClassifierNode = {
  code: string
  level: string
  title_es: string
  title_en: string | null
  count: number
  children: ClassifierNode[]
}

export type CatalogItem = {
  id: string
  code: string
  name: string
  unspsc_code: string
  cog_partida: string
  sat_clave_unidad: string
  ceiling_price: string
}

export function getClassifier(session: Session): Promise<ApiResult<{ classifier: ClassifierNode[]; items: number }>> {
  return callBackend("/store/catalog/classifier", { token: session.token })
}

export function listCatalogItems(
  session: Session,
  unspsc: string,
  offset: number,
  limit: number,
): Promise<ApiResult<{ items: CatalogItem[]; count: number; offset: number; limit: number }>> {
  return callBackend(`/store/catalog/items?unspsc=${encodeURIComponent(unspsc)}&offset=${offset}&limit=${limit}`, {
    token: session.token,
  })
}

/** The path from a root to the node with `code` (empty when it is not in the tree). */
export function pathTo(nodes: ClassifierNode[], code: string): ClassifierNode[] {
  for (const n of nodes) {
    if (n.code === code) {
      return [n]
    }
    const below = pathTo(n.children, code)
    if (below.length) {
      return [n, ...below]
    }
  }
  return []
}

// ---------------------------------------------------------------- agency: delegations

export type Delegation = {
  id: string
  delegator_person_id: string
  delegate_person_id: string
  role: string
  starts_at: string
  ends_at: string
  reason: string | null
  revoked_at: string | null
  revocation_reason?: string | null
}

export function listDelegations(session: Session): Promise<ApiResult<{ given: Delegation[]; received: Delegation[] }>> {
  return callBackend("/store/delegations", { token: session.token })
}

export function createDelegation(
  session: Session,
  body: { delegate_person_id: string; role: string; starts_at: string; ends_at: string; reason?: string },
): Promise<ApiResult<{ delegation: Delegation }>> {
  return callBackend("/store/delegations", { method: "POST", token: session.token, body })
}

export function revokeDelegation(session: Session, id: string, reason: string): Promise<ApiResult<{ delegation: Delegation }>> {
  return callBackend(`/store/delegations/${encodeURIComponent(id)}/revoke`, { method: "POST", token: session.token, body: { reason } })
}

/** Where a delegation stands at `now`. */
export function delegationState(d: Delegation, now = new Date()): "active" | "revoked" | "expired" | "scheduled" {
  if (d.revoked_at) {
    return "revoked"
  }
  if (new Date(d.ends_at).getTime() < now.getTime()) {
    return "expired"
  }
  return new Date(d.starts_at).getTime() > now.getTime() ? "scheduled" : "active"
}
