import "server-only"
import type { Session } from "@lib/session"
import { callBackend, type ApiResult } from "./backend"
import type { SupplierOrder } from "./delivery"

// ---------------------------------------------------------------- orders

/** What the supplier's acknowledgement leaves on the order (its metadata). */
export type Acknowledgement = { acknowledged_at: string; promised_delivery_date: string; acknowledgement_note: string | null }

export function acknowledgementOf(order: Pick<SupplierOrder, "metadata">): Acknowledgement | null {
  const m = order.metadata ?? {}
  return typeof m.acknowledged_at === "string"
    ? {
        acknowledged_at: m.acknowledged_at,
        promised_delivery_date: String(m.promised_delivery_date ?? ""),
        acknowledgement_note: typeof m.acknowledgement_note === "string" ? m.acknowledgement_note : null,
      }
    : null
}

export function acknowledgeOrder(
  session: Session,
  orderId: string,
  body: { promised_delivery_date: string; note?: string },
  idempotencyKey: string,
): Promise<ApiResult<{ order: SupplierOrder }>> {
  return callBackend(`/supplier/orders/${encodeURIComponent(orderId)}/acknowledge`, {
    method: "POST",
    token: session.token,
    body,
    idempotencyKey,
  })
}

// ---------------------------------------------------------------- invoices

export type InvoiceStatus = "accepted" | "exception" | "payment_requested" | "authorized" | "exercised" | "paid"

export type InvoicePayment = {
  id: string
  status: "pending_authorization" | "authorized" | "exercised" | "paid"
  amount: string
  penalty_deduction: string
  net_amount: string
  due_date: string
  clc_folio: string | null
  clave_rastreo: string | null
  paid_at: string | null
  paid_late: boolean | null
  complement_status: "pending" | "received" | null
  complement_due_date: string | null
  complement_overdue: boolean
}

export type Invoice = {
  id: string
  uuid: string
  order_id: string
  specific_contract_id: string
  supplier_id: string
  status: InvoiceStatus
  serie: string | null
  folio: string | null
  issued_at: string | null
  metodo_pago: string
  subtotal: string
  iva: string
  total: string
  currency_code: string
  accepted_at: string
  due_date: string
  exception_reason: string | null
  match?: { reasons?: string[] } | null
  summary?: { emisor_rfc?: string; emisor_nombre?: string } & Record<string, unknown>
  lines?: { descripcion?: string; cantidad?: string; valor_unitario?: string; importe?: string }[]
  payment: InvoicePayment | null
  xml?: string
}

export function listSupplierInvoices(session: Session): Promise<ApiResult<{ invoices: Invoice[]; count: number }>> {
  return callBackend("/supplier/invoices?limit=100", { token: session.token })
}

export function getSupplierInvoice(session: Session, id: string): Promise<ApiResult<{ invoice: Invoice }>> {
  return callBackend(`/supplier/invoices/${encodeURIComponent(id)}`, { token: session.token })
}

export function submitInvoice(session: Session, body: { order_id: string; xml: string }): Promise<ApiResult<{ invoice: Invoice }>> {
  return callBackend("/supplier/invoices", { method: "POST", token: session.token, body })
}

export function submitComplement(session: Session, invoiceId: string, xml: string): Promise<ApiResult<{ invoice: Invoice }>> {
  return callBackend(`/supplier/invoices/${encodeURIComponent(invoiceId)}/payment-complement`, {
    method: "POST",
    token: session.token,
    body: { xml },
  })
}

/** The supplier may present the complemento de pago: a PPD invoice paid and its complement still pending. */
export function awaitsComplement(i: Pick<Invoice, "metodo_pago" | "payment">): boolean {
  return i.metodo_pago === "PPD" && i.payment?.status === "paid" && i.payment.complement_status !== "received"
}

// ---------------------------------------------------------------- agency: payment

export type PaymentRequest = InvoicePayment & {
  invoice_id: string
  order_id: string
  specific_contract_id: string
  supplier_id: string
  beneficiary_rfc: string | null
  created_at?: string
}

export function listAgencyInvoices(session: Session, status?: InvoiceStatus): Promise<ApiResult<{ invoices: Invoice[]; count: number }>> {
  return callBackend(`/store/invoices?limit=100${status ? `&status=${status}` : ""}`, { token: session.token })
}

export function listPaymentRequests(session: Session): Promise<ApiResult<{ payment_requests: PaymentRequest[]; count: number }>> {
  return callBackend("/store/payment-requests?limit=100", { token: session.token })
}

export function rematchInvoice(session: Session, id: string): Promise<ApiResult<unknown>> {
  return callBackend(`/store/invoices/${encodeURIComponent(id)}/match`, { method: "POST", token: session.token, body: {} })
}

export function confirmPayment(session: Session, id: string, claveRastreo?: string): Promise<ApiResult<unknown>> {
  return callBackend(`/store/payment-requests/${encodeURIComponent(id)}/confirm-payment`, {
    method: "POST",
    token: session.token,
    body: claveRastreo ? { clave_rastreo: claveRastreo } : {},
  })
}

// ---------------------------------------------------------------- acta

export type ActaSigningPayload = {
  documento: "acta_entrega_recepcion"
  acta_id: string
  folio: string
  reception_id: string
  document_sha256: string
}

export type Acta = {
  id: string
  reception_id: string
  folio: string
  status: "pending_signature" | "signed" | string
  data_sha256: string
  html_sha256: string
  pdf_sha256: string
  document_sha256: string
  signed_by_person_id: string | null
  signed_at: string | null
  certificate_serial: string | null
  signing_payload: ActaSigningPayload
  html?: string
}

export function getActa(session: Session, receptionId: string): Promise<ApiResult<{ acta: Acta }>> {
  return callBackend(`/store/receptions/${encodeURIComponent(receptionId)}/acta`, { token: session.token })
}

export function getActaPdf(session: Session, receptionId: string): Promise<ApiResult<ArrayBuffer>> {
  return callBackend(`/store/receptions/${encodeURIComponent(receptionId)}/acta/pdf`, { token: session.token, as: "bytes" })
}

export function signActa(
  session: Session,
  receptionId: string,
  envelope: { certificate: string; signature: string },
): Promise<ApiResult<{ acta: Acta }>> {
  return callBackend(`/store/receptions/${encodeURIComponent(receptionId)}/acta/sign`, {
    method: "POST",
    token: session.token,
    body: envelope,
  })
}
