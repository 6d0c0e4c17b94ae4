import "server-only"
import { cookies, headers } from "next/headers"

/** Account types that sign specific contracts in the storefront. */
export type SessionActor = "customer" | "supplier"

export type Session = { token: string; actor: SessionActor }

const TOKEN_COOKIE = "tienda_sesion"
const ACTOR_COOKIE = "tienda_cuenta"
/** Medusa's tokens last a day; the storefront session ends sooner. */
const MAX_AGE_SECONDS = 8 * 60 * 60

export function isSessionActor(v: unknown): v is SessionActor {
  return v === "customer" || v === "supplier"
}

/** The caller's Medusa token, kept in an httpOnly cookie (never readable by page scripts). */
export function getSession(): Session | null {
  const jar = cookies()
  const token = jar.get(TOKEN_COOKIE)?.value
  const actor = jar.get(ACTOR_COOKIE)?.value
  return token && isSessionActor(actor) ? { token, actor } : null
}

/**
 * Secure cookies when the storefront is reached over HTTPS (directly or
 * behind a proxy that says so), or when COOKIE_SECURE=true; plain-http
 * localhost (npm start) keeps them usable.
 */
function secureCookies(): boolean {
  if (process.env.COOKIE_SECURE) {
    return process.env.COOKIE_SECURE === "true"
  }
  return headers().get("x-forwarded-proto")?.split(",")[0].trim() === "https"
}

/** Only in server actions and route handlers (Next.js refuses cookie writes while rendering). */
export function setSession(session: Session) {
  const options = { httpOnly: true, sameSite: "lax" as const, secure: secureCookies(), path: "/", maxAge: MAX_AGE_SECONDS }
  const jar = cookies()
  jar.set(TOKEN_COOKIE, session.token, options)
  jar.set(ACTOR_COOKIE, session.actor, options)
}

export function clearSession() {
  const jar = cookies()
  jar.delete(TOKEN_COOKIE)
  jar.delete(ACTOR_COOKIE)
}

export { safeReturnPath } from "./return-path"
