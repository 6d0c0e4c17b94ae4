"use server"

import { postCompetition } from "@lib/data/competitions"
import { getSession, type Session } from "@lib/session"
import type { FormResult } from "./purchasing"

const SESSION_ENDED = (): FormResult => ({
  state: "error",
  code: "NO_AUTENTICADO",
  message: "Tu sesión expiró. Inicia sesión de nuevo; no se guardó nada.",
})
const ID = /^[A-Za-z0-9_-]{1,100}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
const PRICE = /^\d{1,9}(\.\d{1,2})?$/

function sessionOf(actor: "customer" | "supplier"): Session | null {
  const session = getSession()
  return session && session.actor === actor ? session : null
}

const badId = (): FormResult => ({ state: "error", code: "COMPETENCIA_NO_EXISTE", message: "La segunda etapa no existe." })

export type BidResult = FormResult | { state: "sealed"; message: string; commitment: string; nonce: string; submitted_at: string }

/**
 * "Enviar propuesta" (supplier): a unit price per line and the delivery days
 * → POST /supplier/competitions/:id/bid. Answers the commitment and the nonce
 * so the supplier can keep them; a second bid replaces the first.
 */
export async function submitBidAction(_prev: BidResult, form: FormData): Promise<BidResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("competition_id") ?? "")
  if (!ID.test(id)) {
    return badId()
  }
  const fields: Record<string, string> = {}
  const lines: { line_id: string; unit_price: string }[] = []
  for (const lineId of form
    .getAll("line")
    .map(String)
    .filter((l) => ID.test(l))) {
    const price = String(form.get(`price_${lineId}`) ?? "").trim()
    if (!PRICE.test(price) || Number(price) <= 0) {
      fields[`price_${lineId}`] = "Escribe un precio unitario mayor que cero, con hasta dos decimales (antes de IVA)."
    } else {
      lines.push({ line_id: lineId, unit_price: price })
    }
  }
  const days = String(form.get("delivery_days") ?? "").trim()
  if (!/^\d{1,3}$/.test(days) || Number(days) < 1 || Number(days) > 365) {
    fields.delivery_days = "Escribe el plazo de entrega en días naturales, de 1 a 365."
  }
  if (Object.keys(fields).length > 0) {
    return { state: "error", code: "DATOS_INVALIDOS", message: "Revisa los campos marcados; no se envió la propuesta.", fields }
  }
  const res = await postCompetition<{ bid: { commitment: string; nonce: string; submitted_at: string } }>(
    session,
    `/supplier/competitions/${encodeURIComponent(id)}/bid`,
    { lines, delivery_days: Number(days) },
  )
  if (!res.ok) {
    return { state: "error", code: res.error.code, message: res.error.message }
  }
  return {
    state: "sealed",
    message: "Propuesta sellada. Guarda tu compromiso y el nonce: con ellos puedes comprobar tu propuesta en la apertura.",
    commitment: res.data.bid.commitment,
    nonce: res.data.bid.nonce,
    submitted_at: res.data.bid.submitted_at,
  }
}

/** "Enviar pregunta" (supplier, during the bidding window): every invitee sees it, anonymised. */
export async function askQuestionAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("supplier")
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("competition_id") ?? "")
  if (!ID.test(id)) {
    return badId()
  }
  const question = String(form.get("question") ?? "").trim()
  if (question.length < 10 || question.length > 5000) {
    return {
      state: "error",
      code: "DATOS_INVALIDOS",
      message: "Revisa la pregunta.",
      fields: { question: "Escribe tu pregunta (10 caracteres o más)." },
    }
  }
  const res = await postCompetition(session, `/supplier/competitions/${encodeURIComponent(id)}/clarifications`, { question })
  return res.ok
    ? { state: "ok", message: "Pregunta enviada. La respuesta será visible para todos los invitados." }
    : { state: "error", ...res.error }
}

/** "Abrir segunda etapa" (Purchasing Unit): a draft competition from a requisition in requires_competition. */
export async function createCompetitionAction(_prev: FormResult, form: FormData): Promise<FormResult & { id?: string }> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const requisitionId = String(form.get("requisition_id") ?? "")
  const state = String(form.get("delivery_state") ?? "")
    .trim()
    .toUpperCase()
  if (!ID.test(requisitionId) || !/^[A-Z]{2,3}$/.test(state)) {
    return {
      state: "error",
      code: "DATOS_INVALIDOS",
      message: "Indica la requisición y la entidad de entrega.",
      fields: { delivery_state: "Clave de la entidad (p. ej., CMX)." },
    }
  }
  const res = await postCompetition<{ competition: { id: string } }>(session, "/store/competitions", {
    requisition_id: requisitionId,
    delivery_state: state,
  })
  return res.ok
    ? { state: "ok", message: "Segunda etapa creada en borrador.", id: res.data.competition.id }
    : { state: "error", ...res.error }
}

/** "Publicar" or "Adjudicar a la ganadora calculada" (Purchasing Unit). */
export async function procedureStepAction(_prev: FormResult, form: FormData): Promise<FormResult> {
  const session = sessionOf("customer")
  if (!session) {
    return SESSION_ENDED()
  }
  const id = String(form.get("competition_id") ?? "")
  const step = String(form.get("step") ?? "")
  if (!ID.test(id) || !["publish", "award"].includes(step)) {
    return badId()
  }
  const res = await postCompetition(session, `/store/competitions/${encodeURIComponent(id)}/${step}`, {})
  return res.ok
    ? {
        state: "ok",
        message:
          step === "publish" ? "Publicada: se invitó a todos los proveedores elegibles." : "Adjudicación ofrecida a la ganadora calculada.",
      }
    : { state: "error", ...res.error }
}

export type SignedInput = {
  kind: "integrity_official" | "integrity_supplier" | "accept" | "deviate"
  competition_id: string
  certificate: string
  signature: string
  text_sha256?: string
  supplier_id?: string
  justification?: string
}

/**
 * Sends an e.firma envelope made in the browser (the private key and its
 * password never leave the device) to the procedure's route: the
 * integrity declaration, the winner's confirmation, or an award that
 * deviates from the computed winner with its signed justification.
 */
export async function signedCompetitionAction(input: SignedInput): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
  const supplierSide = input?.kind === "integrity_supplier" || input?.kind === "accept"
  const session = sessionOf(supplierSide ? "supplier" : "customer")
  if (!session) {
    return { ok: false, code: "NO_AUTENTICADO", message: "Tu sesión expiró. Inicia sesión de nuevo; no se registró ninguna firma." }
  }
  const { competition_id: id, certificate, signature } = input
  if (!ID.test(id) || !BASE64.test(certificate) || !BASE64.test(signature)) {
    return { ok: false, code: "DATOS_INVALIDOS", message: "La firma recibida está incompleta; vuelve a intentarlo." }
  }
  const envelope = { certificate, signature }
  const path = `/competitions/${encodeURIComponent(id)}`
  const res =
    input.kind === "integrity_official" || input.kind === "integrity_supplier"
      ? await postCompetition(session, `/${supplierSide ? "supplier" : "store"}${path}/integrity-declaration`, {
          text_sha256: String(input.text_sha256 ?? ""),
          ...envelope,
        })
      : input.kind === "accept"
        ? await postCompetition(session, `/supplier${path}/award/accept`, envelope)
        : await postCompetition(session, `/store${path}/award`, {
            supplier_id: String(input.supplier_id ?? ""),
            justification: String(input.justification ?? ""),
            ...envelope,
          })
  return res.ok ? { ok: true } : { ok: false, code: res.error.code, message: res.error.message }
}
