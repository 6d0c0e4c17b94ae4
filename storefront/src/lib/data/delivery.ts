import "server-only"
import type { Session } from "@lib/session"
import { callBackend, type ApiResult } from "./backend"

// ---------------------------------------------------------------- supplier

export type SupplierOrderLine = {
  id: string
  title: string
  unit_price: number | string
  metadata?: { contract_line?: number } & Record<string, unknown>
  detail?: { quantity?: number | string } | null
}

/** An order placed with the supplier (GET /supplier/orders), with the contract that released it. */
export type SupplierOrder = {
  id: string
  display_id?: number
  status?: string
  created_at?: string
  currency_code?: string
  /** The supplier's acknowledgement (acknowledged_at, promised_delivery_date, acknowledgement_note) once given. */
  metadata?: Record<string, unknown> | null
  items?: SupplierOrderLine[]
  specific_contract: { id: string; number: string; total: string; in_force_at: string | null }
}

export type ShipmentLine = { id: string; contract_line: number; description: string; quantity: number }

export type Reception = {
  id: string
  shipment_id: string
  outcome: "full" | "partial" | "rejected"
  notes: string | null
  received_at: string
  days_late: number
  penalty_amount: string
  lines?: { contract_line: number; shipped_quantity: number; accepted_quantity: number; rejected_quantity: number; notes: string | null }[]
}

export type Shipment = {
  id: string
  order_id: string
  specific_contract_id: string
  delivery_note: string
  status: "pending_reception" | "received"
  shipped_at: string
  lines: ShipmentLine[]
  reception?: Reception | null
}

export function listSupplierOrders(session: Session): Promise<ApiResult<{ orders: SupplierOrder[]; count: number }>> {
  return callBackend("/supplier/orders", { token: session.token })
}

export function getSupplierOrder(session: Session, id: string): Promise<ApiResult<{ order: SupplierOrder }>> {
  return callBackend(`/supplier/orders/${encodeURIComponent(id)}`, { token: session.token })
}

export function listOrderShipments(session: Session, orderId: string): Promise<ApiResult<{ shipments: Shipment[] }>> {
  return callBackend(`/supplier/orders/${encodeURIComponent(orderId)}/shipments`, { token: session.token })
}

export function recordShipment(
  session: Session,
  orderId: string,
  body: { delivery_note: string; lines: { contract_line: number; quantity: number }[] },
  idempotencyKey?: string,
): Promise<ApiResult<{ shipment: Shipment }>> {
  return callBackend(`/supplier/orders/${encodeURIComponent(orderId)}/shipments`, {
    method: "POST",
    token: session.token,
    body,
    idempotencyKey,
  })
}

/** The order line's quantity (Medusa keeps it on the item's detail). */
export function orderedQuantity(line: SupplierOrderLine): number {
  return Number(line.detail?.quantity ?? 0)
}

// ---------------------------------------------------------------- agency

export function listShipments(
  session: Session,
  status?: "pending_reception" | "received",
): Promise<ApiResult<{ shipments: Shipment[]; count: number }>> {
  return callBackend(`/store/shipments?limit=100${status ? `&status=${status}` : ""}`, { token: session.token })
}

export function listReceptions(session: Session): Promise<ApiResult<{ receptions: Reception[] }>> {
  return callBackend("/store/receptions", { token: session.token })
}

export function recordReception(
  session: Session,
  body: {
    shipment_id: string
    notes?: string
    lines: { contract_line: number; accepted_quantity: number; rejected_quantity: number; notes?: string }[]
  },
): Promise<ApiResult<{ reception: Reception }>> {
  return callBackend("/store/receptions", { method: "POST", token: session.token, body })
}
