"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import {
  addCartLine,
  cartIdCookie,
  createCart,
  createRequisition,
  decideRequisition,
  getCart,
  rememberCart,
  removeCartLine,
  submitRequisition,
  updateCartLine,
  withdrawRequisition,
} from "@lib/data/purchasing"
import { t } from "@lib/i18n"
import { getSession, type Session } from "@lib/session"

/** What a form shows after its action: nothing yet, a success line, or the API's refusal as it came. */
export type FormResult =
  { state: "idle" } | { state: "ok"; message: string } | { state: "error"; code: string; message: string; fields?: Record<string, string> }

const SESSION_ENDED = (): FormResult => ({
  state: "error",
  code: "NO_AUTENTICADO",
  message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada.",
})

function customer(): Session | null {
  const session = getSession()
  return session && session.actor === "customer" ? session : null
}

const ID = /^[A-Za-z0-9_-]{1,100}$/

function quantityOf(form: FormData): number | null {
  const raw = String(form.get("quantity") ?? "").trim()
  return /^\d{1,7}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null
}

/**
 * "Agregar al carrito" on an item page: adds the offer's variant to the
 * caller's open cart (POST /store/carts/:id/line-items), creating the cart
 * first when there is none; the API's hooks check the buyer may buy it.
 */
export async function addToCartAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  if (!session) {
    return SESSION_ENDED()
  }
  const m = t()
  const variantId = String(form.get("variant_id") ?? "")
  const name = String(form.get("item_name") ?? "").slice(0, 300)
  const quantity = quantityOf(form)
  if (!ID.test(variantId)) {
    return { state: "error", code: "OFERTA_NO_VIGENTE", message: "Esta oferta ya no se puede comprar. Recarga la página." }
  }
  if (quantity === null) {
    return {
      state: "error",
      code: "CANTIDAD_INVALIDA",
      message: "Escribe una cantidad entera mayor que cero.",
      fields: { quantity: "Cantidad inválida" },
    }
  }
  const existing = await getCart(session)
  if (!existing.ok) {
    return { state: "error", ...existing.error }
  }
  let cartId = existing.data?.id ?? null
  if (!cartId) {
    const created = await createCart(session)
    if (!created.ok) {
      return { state: "error", ...created.error }
    }
    cartId = created.data.cart.id
    rememberCart(cartId)
  }
  const added = await addCartLine(session, cartId, variantId, quantity)
  if (!added.ok) {
    return { state: "error", ...added.error }
  }
  revalidatePath("/", "layout")
  return { state: "ok", message: m.item.added(quantity, name) }
}

/** Changes a cart line's quantity, or removes it (`intent=remove`). */
export async function changeCartLineAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  const cartId = cartIdCookie()
  if (!session) {
    return SESSION_ENDED()
  }
  const lineId = String(form.get("line_id") ?? "")
  if (!cartId || !ID.test(lineId)) {
    return { state: "error", code: "CARRITO_NO_EXISTE", message: t().form.errors.cart }
  }
  if (form.get("intent") === "remove") {
    const res = await removeCartLine(session, cartId, lineId)
    if (!res.ok) {
      return { state: "error", ...res.error }
    }
  } else {
    const quantity = quantityOf(form)
    if (quantity === null) {
      return { state: "error", code: "CANTIDAD_INVALIDA", message: "Escribe una cantidad entera mayor que cero." }
    }
    const res = await updateCartLine(session, cartId, lineId, quantity)
    if (!res.ok) {
      return { state: "error", ...res.error }
    }
  }
  revalidatePath("/", "layout")
  return { state: "idle" }
}

const ADDRESS_KEYS = ["street", "colonia", "municipio", "estado", "codigo_postal"] as const

/**
 * The cart → requisition form: creates the draft requisition from the cart
 * (POST /store/requisitions) and submits it (POST …/:id/submit), each with
 * an idempotency key of this form so a double click acts once. Field
 * checks here only spare a round trip; the API decides.
 */
export async function createRequisitionAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  if (!session) {
    return SESSION_ENDED()
  }
  const e = t().form.errors
  const text = (k: string) => String(form.get(k) ?? "").trim()
  const body = {
    cart_id: cartIdCookie() ?? "",
    unit_id: text("unit_id"),
    budget_key_id: text("budget_key_id"),
    justification: text("justification"),
    delivery_place: text("delivery_place"),
    delivery_date: text("delivery_date"),
  }
  const fields: Record<string, string> = {}
  if (!body.unit_id) {
    fields.unit_id = e.unit
  }
  if (!body.budget_key_id) {
    fields.budget_key_id = e.key
  }
  if (body.justification.length < 10) {
    fields.justification = e.justification
  }
  if (body.delivery_place.length < 3) {
    fields.delivery_place = e.place
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(body.delivery_date)) {
    fields.delivery_date = e.date
  }
  const address = Object.fromEntries(ADDRESS_KEYS.map((k) => [k, text(`address_${k}`)])) as Record<(typeof ADDRESS_KEYS)[number], string>
  const anyAddress = ADDRESS_KEYS.some((k) => address[k])
  if (anyAddress && (ADDRESS_KEYS.some((k) => !address[k]) || !/^\d{5}$/.test(address.codigo_postal))) {
    fields.address = e.address
  }
  if (!body.cart_id) {
    return { state: "error", code: "CARRITO_NO_EXISTE", message: e.cart }
  }
  if (Object.keys(fields).length) {
    return { state: "error", code: "DATOS_INVALIDOS", message: Object.values(fields).join(" "), fields }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const created = await createRequisition(session, { ...body, delivery_address: anyAddress ? address : null }, `${key}-crear`)
  if (!created.ok) {
    return { state: "error", ...created.error }
  }
  const id = created.data.requisition.id
  // the cart became this requisition: the next purchase starts a new one
  rememberCart(null)
  revalidatePath("/", "layout")
  const submitted = await submitRequisition(session, id, `${key}-enviar`)
  redirect(
    submitted.ok
      ? `/requisiciones/${encodeURIComponent(id)}?enviada=1`
      : `/requisiciones/${encodeURIComponent(id)}?no_enviada=${encodeURIComponent(submitted.error.code)}`,
  )
}

/** "Enviar a aprobación" on a draft or returned requisition's page. */
export async function submitRequisitionAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("requisition_id") ?? "")
  if (!ID.test(id)) {
    return { state: "error", code: "REQUISICION_NO_EXISTE", message: t().detail.notFound }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const res = await submitRequisition(session, id, `${key}-enviar`)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  redirect(`/requisiciones/${encodeURIComponent(id)}?enviada=1`)
}

const DECISIONS = ["approve", "reject", "return"] as const

/** Approve / reject / return the current step (POST …/:id/decisions), after the confirmation dialog. */
export async function decideAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  if (!session) {
    return SESSION_ENDED()
  }
  const m = t()
  const id = String(form.get("requisition_id") ?? "")
  const decision = DECISIONS.find((d) => d === form.get("decision"))
  const reason = String(form.get("reason") ?? "").trim()
  if (!ID.test(id) || !decision) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "La decisión no es válida; recarga la página." }
  }
  if (decision !== "approve" && !reason) {
    return { state: "error", code: "MOTIVO_REQUERIDO", message: m.decision.reasonRequired, fields: { reason: m.decision.reasonRequired } }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const res = await decideRequisition(session, id, { decision, reason: reason || null }, `${key}-${decision}`)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  redirect(`/requisiciones/${encodeURIComponent(id)}?decision=${decision}`)
}

/** Withdraw my requisition (POST …/:id/withdraw, reason of at least 5 characters), after the confirmation dialog. */
export async function withdrawAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = customer()
  if (!session) {
    return SESSION_ENDED()
  }
  const m = t()
  const id = String(form.get("requisition_id") ?? "")
  const reason = String(form.get("reason") ?? "").trim()
  if (!ID.test(id)) {
    return { state: "error", code: "REQUISICION_NO_EXISTE", message: m.detail.notFound }
  }
  if (reason.length < 5) {
    return { state: "error", code: "MOTIVO_REQUERIDO", message: m.withdraw.reasonRequired, fields: { reason: m.withdraw.reasonRequired } }
  }
  const key =
    String(form.get("form_key") ?? "")
      .replace(/[^A-Za-z0-9-]/g, "")
      .slice(0, 64) || crypto.randomUUID()
  const res = await withdrawRequisition(session, id, reason, `${key}-retirar`)
  if (!res.ok) {
    return { state: "error", ...res.error }
  }
  redirect(`/requisiciones/${encodeURIComponent(id)}?retirada=1`)
}
