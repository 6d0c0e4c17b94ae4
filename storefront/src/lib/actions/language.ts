"use server"

import { cookies, headers } from "next/headers"
import { redirect } from "next/navigation"
import { LANG_COOKIE } from "@lib/i18n"
import { safeReturnPath } from "@lib/session"

/** The header's language toggle: keeps the choice for a year and comes back to the same page. */
export async function setLanguage(form: FormData) {
  const lang = form.get("idioma") === "en" ? "en" : "es"
  cookies().set(LANG_COOKIE, lang, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 365 * 24 * 60 * 60 })
  const referer = headers().get("referer")
  let back = "/"
  try {
    back = referer ? safeReturnPath(new URL(referer).pathname + new URL(referer).search, "/") : "/"
  } catch {
    back = "/"
  }
  redirect(back)
}
