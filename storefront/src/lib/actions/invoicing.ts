"use server"

import { revalidatePath } from "next/cache"
import type { CfdiFailure } from "@lib/data/backend"
import { acknowledgeOrder, confirmPayment, rematchInvoice, signActa, submitComplement, submitInvoice, type Acta } from "@lib/data/invoicing"
import { day } from "@lib/format"
import { tj } from "@lib/i18n"
import { getSession, type Session } from "@lib/session"
import type { FormResult } from "./purchasing"

/** A CFDI form's result: the usual one, plus every rule the CFDI fails when the API refuses it (422 CFDI_INVALIDO). */
export type CfdiFormResult = FormResult | { state: "error"; code: string; message: string; failures: CfdiFailure[] }

const SESSION_ENDED = (): FormResult => ({
  state: "error",
  code: "NO_AUTENTICADO",
  message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada.",
})

const ID = /^[A-Za-z0-9_-]{1,100}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/
/** The API accepts up to 2,000,000 characters of XML. */
const MAX_XML_BYTES = 2_000_000

function sessionOf(actor: "customer" | "supplier"): Session | null {
  const session = getSession()
  return session && session.actor === actor ? session : null
}

function attemptKey(form: FormData, prefix: string): string {
  const key = String(form.get("form_key") ?? "")
    .replace(/[^A-Za-z0-9-]/g, "")
    .slice(0, 64)
  return `${prefix}-${key || crypto.randomUUID()}`
}

/** A real calendar date typed as yyyy-mm-dd (2026-02-30 is not one). */
function isCalendarDay(s: string): boolean {
  if (!DAY.test(s)) {
    return false
  }
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * "Confirmar el pedido" (supplier): the promised delivery date and an
 * optional note → POST /supplier/orders/:id/acknowledge (once;
 * PEDIDO_YA_CONFIRMADO after), with an Idempotency-Key per attempt.
 */
export async function acknowledgeOrderAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const orderId = String(form.get("order_id") ?? "")
  if (!ID.test(orderId)) {
    return { state: "error", code: "PEDIDO_NO_EXISTE", message: "El pedido no existe o no es de tu empresa." }
  }
  const promised = String(form.get("promised_delivery_date") ?? "").trim()
  if (!isCalendarDay(promised)) {
    return {
      state: "error",
      code: "DATOS_INVALIDOS",
      message: "Revisa los campos marcados; no se registró nada.",
      fields: { promised_delivery_date: m.ack.dateRequired },
    }
  }
  const note = String(form.get("note") ?? "")
    .trim()
    .slice(0, 1000)
  const res = await acknowledgeOrder(
    session,
    orderId,
    { promised_delivery_date: promised, ...(note ? { note } : {}) },
    attemptKey(form, "acuse"),
  )
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath(`/proveedor/pedidos/${orderId}`)
  return { state: "ok", message: m.ack.done(day(promised)) }
}

/** The text of an uploaded XML file, or a refusal before anything is sent. */
async function xmlOf(form: FormData): Promise<{ xml: string } | { field: string }> {
  const m = tj()
  const file = form.get("xml")
  if (!(file instanceof File) || file.size === 0) {
    return { field: m.invoices.xmlRequired }
  }
  if (file.size > MAX_XML_BYTES) {
    return { field: m.invoices.xmlTooLarge }
  }
  return { xml: await file.text() }
}

/**
 * "Presentar el CFDI" (supplier): the order and the CFDI's XML file →
 * POST /supplier/invoices. A refusal keeps every failed rule (rule, field,
 * Spanish message) for the page to list.
 */
export async function submitInvoiceAction(_prev: CfdiFormResult, form: FormData): Promise<CfdiFormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const orderId = String(form.get("order_id") ?? "")
  const fields: Record<string, string> = {}
  if (!ID.test(orderId)) {
    fields.order_id = m.invoices.orderRequired
  }
  const xml = await xmlOf(form)
  if ("field" in xml) {
    fields.xml = xml.field
  }
  if (Object.keys(fields).length > 0 || "field" in xml) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se envió nada.", fields }
  }
  const res = await submitInvoice(session, { order_id: orderId, xml: xml.xml })
  if (!res.ok) {
    const { failures, ...error } = res.error
    return failures?.length ? { state: "error", ...error, failures } : { state: "error", ...error }
  }
  revalidatePath("/proveedor/facturas")
  return { state: "ok", message: m.invoices.accepted(res.data.invoice.uuid) }
}

/** "Presentar el complemento" of a paid PPD invoice (supplier) → POST /supplier/invoices/:id/payment-complement. */
export async function submitComplementAction(_prev: CfdiFormResult, form: FormData): Promise<CfdiFormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const invoiceId = String(form.get("invoice_id") ?? "")
  if (!ID.test(invoiceId)) {
    return { state: "error", code: "FACTURA_NO_EXISTE", message: "La factura no existe o no es de tu organización." }
  }
  const xml = await xmlOf(form)
  if ("field" in xml) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se envió nada.", fields: { xml: xml.field } }
  }
  const res = await submitComplement(session, invoiceId, xml.xml)
  if (!res.ok) {
    const { failures, ...error } = res.error
    return failures?.length ? { state: "error", ...error, failures } : { state: "error", ...error }
  }
  revalidatePath(`/proveedor/facturas/${invoiceId}`)
  return { state: "ok", message: m.invoices.complementSaved }
}

/** "Cotejar de nuevo" an invoice in the exception queue (Payment Request Typist) → POST /store/invoices/:id/match. */
export async function rematchAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("invoice_id") ?? "")
  if (!ID.test(id)) {
    return { state: "error", code: "FACTURA_NO_EXISTE", message: "La factura no existe o no es de tu organización." }
  }
  const res = await rematchInvoice(session, id)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath("/pagos")
  return { state: "ok", message: tj().payments.rematched }
}

/** "Confirmar el pago (SPEI)" of an exercised payment request (Payment Request Typist) → POST …/confirm-payment. */
export async function confirmPaymentAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("payment_request_id") ?? "")
  if (!ID.test(id)) {
    return { state: "error", code: "SOLICITUD_PAGO_NO_EXISTE", message: "La solicitud de pago no existe." }
  }
  const rastreo = String(form.get("clave_rastreo") ?? "")
    .trim()
    .slice(0, 40)
  const res = await confirmPayment(session, id, rastreo || undefined)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath("/pagos")
  return { state: "ok", message: tj().payments.confirmed }
}

export type SignActaResult = { ok: true; acta: Acta } | { ok: false; status: number; code: string; message: string }

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/**
 * Sends the e.firma envelope made in the browser over the acta's signing
 * payload to POST /store/receptions/:id/acta/sign. Receives only the
 * certificate and the signature: the .key and its password never leave the device.
 */
export async function signActaAction(receptionId: string, envelope: { certificate: string; signature: string }): Promise<SignActaResult> {
  const session = sessionOf("customer")
  if (!session) {
    return {
      ok: false,
      status: 401,
      code: "NO_AUTENTICADO",
      message: "Tu sesión expiró. Inicia sesión de nuevo para firmar; no se registró ninguna firma.",
    }
  }
  const { certificate, signature } = envelope ?? {}
  if (
    typeof receptionId !== "string" ||
    !ID.test(receptionId) ||
    typeof certificate !== "string" ||
    typeof signature !== "string" ||
    !BASE64.test(certificate) ||
    !BASE64.test(signature)
  ) {
    return { ok: false, status: 400, code: "DATOS_INVALIDOS", message: "La firma recibida está incompleta; vuelve a intentarlo." }
  }
  const res = await signActa(session, receptionId, { certificate, signature })
  if (!res.ok) {
    return { ok: false, status: res.error.status, code: res.error.code, message: res.error.message }
  }
  return { ok: true, acta: res.data.acta }
}
