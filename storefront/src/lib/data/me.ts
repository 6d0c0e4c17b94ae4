import "server-only"
import { cache } from "react"
import { getSession } from "@lib/session"
import { getProfile, type Profile } from "./contracts"

/** The logged-in person for this request (asked once per render, shared by the layout and the page). */
export const currentProfile = cache(async (): Promise<Profile | null> => {
  const session = getSession()
  if (!session) {
    return null
  }
  const me = await getProfile(session)
  return me.ok ? me.data.profile : null
})

/** What the menus offer a person (the API still checks every call). */
export function capabilities(profile: Pick<Profile, "actor_type" | "permissions"> | null) {
  const has = (p: string) => profile?.permissions.includes(p) ?? false
  return {
    browse: profile?.actor_type === "customer" && has("catalog:browse"),
    buy: profile?.actor_type === "customer" && has("requisitions:create"),
    approve: profile?.actor_type === "customer" && (has("requisitions:approve") || has("requisitions:approve_unit")),
    sign: has("contracts:sign_agency") || has("contracts:sign_supplier"),
    /** A supplier's orders (read) — recording a shipment also needs contracts:sign_supplier (the API checks). */
    orders: profile?.actor_type === "supplier" && has("specific_contracts:read"),
    receive: profile?.actor_type === "customer" && has("reception:record"),
    /** A supplier's contracts, offers and price-change requests. */
    offers: profile?.actor_type === "supplier" && has("offers:submit"),
    /** The agency's matched invoices, payment requests and exception queue (Payment Request Typist). */
    payments: profile?.actor_type === "customer" && has("payment_requests:create"),
    /** Second-stage mini-competitions: the Purchasing Unit runs them, invited suppliers bid. */
    compete: profile?.actor_type === "customer" && has("competitions:manage"),
    bid: profile?.actor_type === "supplier" && has("bids:submit"),
  }
}
