"use server"

import { revalidatePath } from "next/cache"
import { createDelegation, listSupplierOffers, revokeDelegation, submitOfferRequest } from "@lib/data/offers"
import { tj } from "@lib/i18n"
import { getSession, type Session } from "@lib/session"
import type { FormResult } from "./purchasing"

const SESSION_ENDED = (): FormResult => ({
  state: "error",
  code: "NO_AUTENTICADO",
  message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada.",
})

const ID = /^[A-Za-z0-9_-]{1,100}$/
/** A price in pesos with up to two decimals, as the API takes it. */
const PRICE = /^\d{1,11}(\.\d{1,2})?$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

function sessionOf(actor: "customer" | "supplier"): Session | null {
  const session = getSession()
  return session && session.actor === actor ? session : null
}

/**
 * "Solicitar cambio de precio" of one of my offers (supplier): the new
 * price; the rest (minimum, delivery days, stock) is the offer's own, read
 * again from the API → POST /supplier/offer-requests for SHCP review.
 */
export async function requestPriceChangeAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const offerId = String(form.get("offer_id") ?? "")
  const price = String(form.get("price") ?? "")
    .trim()
    .replace(/,/g, "")
  if (!PRICE.test(price)) {
    return {
      state: "error",
      code: "DATOS_INVALIDOS",
      message: "Revisa los campos marcados; no se envió nada.",
      fields: { price: m.offers.priceInvalid },
    }
  }
  const offers = await listSupplierOffers(session)
  if (!offers.ok) {
    return { state: "error", ...offers.error }
  }
  const offer = ID.test(offerId) ? offers.data.offers.find((o) => o.id === offerId) : undefined
  if (!offer) {
    return { state: "error", code: "OFERTA_NO_EXISTE", message: "La oferta no existe o no es de tu empresa." }
  }
  const res = await submitOfferRequest(session, {
    item_id: offer.item.id,
    price,
    min_order_qty: offer.min_order_qty,
    delivery_days: offer.delivery_days,
    stock: offer.stock,
  })
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath("/proveedor/ofertas")
  return { state: "ok", message: m.offers.sent }
}

/** "Delegar" one of my approval roles (approver) → POST /store/delegations. */
export async function createDelegationAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const delegate = String(form.get("delegate_person_id") ?? "")
  const role = String(form.get("role") ?? "")
  const starts = String(form.get("starts_at") ?? "")
  const ends = String(form.get("ends_at") ?? "")
  const reason = String(form.get("reason") ?? "")
    .trim()
    .slice(0, 500)
  const fields: Record<string, string> = {}
  if (!ID.test(delegate)) {
    fields.delegate_person_id = m.delegations.required
  }
  if (!/^[a-z_]{2,60}$/.test(role)) {
    fields.role = m.delegations.required
  }
  if (!DAY.test(starts)) {
    fields.starts_at = m.delegations.required
  }
  if (!DAY.test(ends)) {
    fields.ends_at = m.delegations.required
  }
  if (Object.keys(fields).length > 0) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se registró nada.", fields }
  }
  const res = await createDelegation(session, {
    delegate_person_id: delegate,
    role,
    starts_at: starts,
    ends_at: ends,
    ...(reason ? { reason } : {}),
  })
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath("/delegaciones")
  return { state: "ok", message: m.delegations.given_ok }
}

/** "Revocar" a delegation I gave, with its reason → POST /store/delegations/:id/revoke. */
export async function revokeDelegationAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const m = tj()
  const id = String(form.get("delegation_id") ?? "")
  const reason = String(form.get("reason") ?? "").trim()
  if (reason.length < 5 || reason.length > 500) {
    return {
      state: "error",
      code: "MOTIVO_REQUERIDO",
      message: "Revisa los campos marcados; no se revocó nada.",
      fields: { reason: m.delegations.revokeReasonRequired },
    }
  }
  if (!ID.test(id)) {
    return { state: "error", code: "DELEGACION_NO_EXISTE", message: "La delegación no existe." }
  }
  const res = await revokeDelegation(session, id, reason)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  revalidatePath("/delegaciones")
  return { state: "ok", message: m.delegations.revoked }
}
