import "server-only"
import { cookies } from "next/headers"
import { messages, type Lang, type Messages } from "./messages"
import { journeyMessages, type JourneyMessages } from "./messages-journeys"

/** The visitor's language choice (the header's toggle); Spanish (es-MX) unless they chose English. */
export const LANG_COOKIE = "tienda_idioma"

export function getLang(): Lang {
  return cookies().get(LANG_COOKIE)?.value === "en" ? "en" : "es"
}

/** The strings of the visitor's language. */
export function t(): Messages {
  return messages(getLang())
}

/** The strings of the later journeys (invoices, offers, acta, catalog, delegations) in the visitor's language. */
export function tj(): JourneyMessages {
  return journeyMessages(getLang())
}
