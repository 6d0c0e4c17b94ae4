"use server"

import { revalidatePath } from "next/cache"
import { recordReception, recordShipment } from "@lib/data/delivery"
import { pesos } from "@lib/format"
import { t } from "@lib/i18n"
import { getSession, type Session } from "@lib/session"
import type { FormResult } from "./purchasing"

const SESSION_ENDED = (): FormResult => ({
  state: "error",
  code: "NO_AUTENTICADO",
  message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada.",
})

const ID = /^[A-Za-z0-9_-]{1,100}$/

function sessionOf(actor: "customer" | "supplier"): Session | null {
  const session = getSession()
  return session && session.actor === actor ? session : null
}

/** A whole, non-negative quantity typed in a form field, or null when it is not one. */
function wholeQuantity(raw: FormDataEntryValue | null): number | null {
  const s = String(raw ?? "").trim()
  if (s === "") {
    return 0
  }
  return /^\d{1,7}$/.test(s) ? Number(s) : null
}

/** The contract lines a form lists (hidden `line` fields), in order. */
function linesOf(form: FormData): number[] {
  return form
    .getAll("line")
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n) && n > 0)
}

/**
 * "Registrar el envío" on an order (supplier): the delivery note and the
 * units shipped per contract line (0 = not in this shipment) → POST
 * /supplier/orders/:id/shipments; the API checks the tally (shipped never
 * above what was ordered: CANTIDAD_EXCEDE_PEDIDO).
 */
export async function recordShipmentAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = t()
  const orderId = String(form.get("order_id") ?? "")
  if (!ID.test(orderId)) {
    return { state: "error", code: "PEDIDO_NO_EXISTE", message: "El pedido no existe o no es de tu empresa." }
  }
  const note = String(form.get("delivery_note") ?? "").trim()
  const fields: Record<string, string> = {}
  if (note.length === 0 || note.length > 120) {
    fields.delivery_note = m.supplierOrders.deliveryNoteRequired
  }
  const lines: { contract_line: number; quantity: number }[] = []
  for (const line of linesOf(form)) {
    const q = wholeQuantity(form.get(`quantity_${line}`))
    if (q === null) {
      fields[`quantity_${line}`] = "Escribe una cantidad entera, 0 o mayor."
    } else if (q > 0) {
      lines.push({ contract_line: line, quantity: q })
    }
  }
  if (Object.keys(fields).length > 0) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se registró nada.", fields }
  }
  if (lines.length === 0) {
    return { state: "error", code: "ENVIO_SIN_PARTIDAS", message: m.supplierOrders.nothingShipped }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const res = await recordShipment(session, orderId, { delivery_note: note, lines }, `envio-${key}`)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath(`/proveedor/pedidos/${orderId}`)
  return { state: "ok", message: m.supplierOrders.shipped(note) }
}

/**
 * "Registrar la recepción" of a shipment (Reception Manager): per line the
 * units accepted and rejected (they must add up to the units shipped), with
 * notes; rejecting units needs a reason. POST /store/receptions computes the
 * outcome, the days late and the pena convencional.
 */
export async function recordReceptionAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = t()
  const shipmentId = String(form.get("shipment_id") ?? "")
  if (!ID.test(shipmentId)) {
    return { state: "error", code: "ENVIO_NO_EXISTE", message: "El envío no existe." }
  }
  const fields: Record<string, string> = {}
  const lines: { contract_line: number; accepted_quantity: number; rejected_quantity: number; notes?: string }[] = []
  for (const line of linesOf(form)) {
    const shipped = Number(form.get(`shipped_${line}`))
    const accepted = wholeQuantity(form.get(`accepted_${line}`))
    const rejected = wholeQuantity(form.get(`rejected_${line}`))
    const notes = String(form.get(`notes_${line}`) ?? "")
      .trim()
      .slice(0, 2000)
    if (accepted === null || rejected === null || accepted + rejected !== shipped) {
      fields[`accepted_${line}`] = m.receptions.mustAddUp(shipped)
      continue
    }
    if (rejected > 0) {
      if (notes.length === 0 && String(form.get("notes") ?? "").trim().length === 0) {
        fields[`notes_${line}`] = m.receptions.notesRequired
      }
    }
    lines.push({ contract_line: line, accepted_quantity: accepted, rejected_quantity: rejected, ...(notes ? { notes } : {}) })
  }
  if (Object.keys(fields).length > 0) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se registró nada.", fields }
  }
  const notes = String(form.get("notes") ?? "")
    .trim()
    .slice(0, 2000)
  const res = await recordReception(session, { shipment_id: shipmentId, lines, ...(notes ? { notes } : {}) })
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  // no revalidation here: the shipment would leave the pending list at once and take this message with it;
  // the list is fresh on the next visit (the page is rendered per request)
  const r = res.data.reception
  const late =
    r.days_late > 0
      ? ` ${m.receptions.daysLate(r.days_late)}; ${m.receptions.penalty}: ${pesos(r.penalty_amount)} MXN.`
      : ` ${m.receptions.onTime}.`
  return { state: "ok", message: `${m.receptions.saved} ${m.receptions.outcome}: ${m.receptions.outcomes[r.outcome] ?? r.outcome}.${late}` }
}
