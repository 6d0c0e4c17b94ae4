"use server"

import { redirect } from "next/navigation"
import { callBackend } from "@lib/data/backend"
import { getProfile } from "@lib/data/contracts"
import { landingFor } from "@lib/landing"
import { clearSession, getSession, isSessionActor, safeReturnPath, setSession } from "@lib/session"

export type LoginState = { error: string | null; code: string | null }

/**
 * Logs in with Medusa's email/password provider for the chosen account type
 * (POST /auth/{customer|supplier}/emailpass), checks that the account belongs
 * to an organization (GET …/me) and keeps the token in an httpOnly cookie.
 */
export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get("email") ?? "").trim()
  const password = String(form.get("password") ?? "")
  const actor = form.get("cuenta")
  const next = safeReturnPath(form.get("siguiente"), "")
  if (!email || !password) {
    return { error: "Escribe tu correo electrónico y tu contraseña.", code: "DATOS_INCOMPLETOS" }
  }
  if (!isSessionActor(actor)) {
    return { error: "Elige el tipo de cuenta: dependencia o proveedor.", code: "TIPO_DE_CUENTA_INVALIDO" }
  }
  const auth = await callBackend<{ token?: string }>(`/auth/${actor}/emailpass`, { method: "POST", body: { email, password } })
  if (!auth.ok) {
    return auth.error.status === 401
      ? { error: "Correo o contraseña incorrectos. Revisa también el tipo de cuenta.", code: "CREDENCIALES_INVALIDAS" }
      : { error: auth.error.message, code: auth.error.code }
  }
  const token = auth.data.token
  if (!token) {
    return { error: "El servidor no entregó una sesión. Intenta de nuevo.", code: "SIN_SESION" }
  }
  const me = await getProfile({ token, actor })
  if (!me.ok) {
    return { error: me.error.message, code: me.error.code }
  }
  setSession({ token, actor })
  redirect(next || landingFor(me.data.profile))
}

/** Ends the token on the server too (it stops working at once), then forgets it here. */
export async function logout() {
  const session = getSession()
  if (session) {
    // a failure here (server down) must not keep the person logged in on this device
    await callBackend("/auth/logout", { method: "POST", body: {}, token: session.token }).catch(() => undefined)
  }
  clearSession()
  redirect("/")
}
