"use server"

import { redirect } from "next/navigation"
import { editRequisition, getRequisition, submitRequisition } from "@lib/data/purchasing"
import { tj } from "@lib/i18n"
import { getSession } from "@lib/session"
import type { FormResult } from "./purchasing"

const ID = /^[A-Za-z0-9_-]{1,100}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * "Guardar la corrección y reenviar" on a returned (or draft) requisition:
 * justification, budget key, delivery and the quantity of each line (0
 * removes it) → POST /store/requisitions/:id (a new version), then
 * POST …/:id/submit with an Idempotency-Key per attempt. The lines are read
 * again from the API: only their quantities come from the form.
 */
export async function editRequisitionAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = getSession()
  if (!session || session.actor !== "customer") {
    return { state: "error", code: "NO_AUTENTICADO", message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada." }
  }
  const m = tj()
  const id = String(form.get("requisition_id") ?? "")
  if (!ID.test(id)) {
    return { state: "error", code: "REQUISICION_NO_EXISTE", message: "La requisición no existe." }
  }
  const current = await getRequisition(session, id)
  if (!current.ok) {
    return { state: "error", ...current.error }
  }
  const r = current.data.requisition
  const fields: Record<string, string> = {}
  const justification = String(form.get("justification") ?? "").trim()
  if (justification.length < 10 || justification.length > 4000) {
    fields.justification = "Escribe la justificación (al menos 10 caracteres)."
  }
  const place = String(form.get("delivery_place") ?? "").trim()
  if (place.length < 3 || place.length > 300) {
    fields.delivery_place = "Escribe el lugar de entrega (al menos 3 caracteres)."
  }
  const date = String(form.get("delivery_date") ?? "")
  if (!DAY.test(date)) {
    fields.delivery_date = "Elige la fecha de entrega."
  }
  const lines: { variant_id: string; quantity: number }[] = []
  for (const line of r.lines ?? []) {
    const raw = String(form.get(`quantity_${line.id}`) ?? "").trim()
    if (!/^\d{1,7}$/.test(raw)) {
      fields[`quantity_${line.id}`] = "Escribe una cantidad entera, 0 o mayor."
      continue
    }
    if (Number(raw) > 0 && line.variant_id) {
      lines.push({ variant_id: line.variant_id, quantity: Number(raw) })
    }
  }
  if (Object.keys(fields).length > 0) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se guardó nada.", fields }
  }
  if (lines.length === 0) {
    return { state: "error", code: "REQUISICION_SIN_PARTIDAS", message: m.edit.noLines }
  }
  const edited = await editRequisition(session, id, {
    justification,
    budget_key_id: r.budget_key_id,
    delivery_place: place,
    delivery_date: date,
    delivery_address: r.delivery_address,
    lines,
  })
  if (!edited.ok) {
    return { state: "error", ...edited.error }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const sent = await submitRequisition(session, id, `${key}-reenviar`)
  if (!sent.ok) {
    return { state: "error", code: sent.error.code, message: `${m.edit.savedNotSent} ${sent.error.message}` }
  }
  redirect(`/requisiciones/${encodeURIComponent(id)}?enviada=1`)
}
