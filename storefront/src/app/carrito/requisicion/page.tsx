import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../components/api-error"
import { EmptyCart } from "../../../components/empty-cart"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getCart, getUnits, listBudgetKeys, priceCart } from "@lib/data/purchasing"
import { pesos } from "@lib/format"
import { t } from "@lib/i18n"
import { RequisitionForm, type KeyOption, type UnitOption } from "./requisition-form"

export const metadata: Metadata = { title: "Elaborar la requisición — Tienda Digital" }
export const dynamic = "force-dynamic"

/** Roles that may place a requisition for their unit (requisitions:create). */
const BUYING_ROLES = ["requiring_unit", "purchasing_operator"]

/** Today in Mexico City, "AAAA-MM-DD" (the earliest delivery date the API accepts). */
function todayInMexico(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  )
}

/**
 * The cart → requisition form: unit, budget key (those of the cart's COG
 * partida, with today's disponible), justification, delivery place, date and
 * optional structured address. Submitting creates and submits the requisition.
 */
export default async function NewRequisitionPage() {
  const m = t()
  const account = await requireAccount("/carrito/requisicion")
  const heading = <h1 id="requisicion">{m.form.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="requisicion">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const { session, profile } = account
  if (!capabilities(profile).buy) {
    return (
      <section aria-labelledby="requisicion">
        {heading}
        <ApiErrorNotice code="SIN_PERMISO_DE_COMPRA" message={m.form.noUnit} />
      </section>
    )
  }
  const [cart, units, keys] = await Promise.all([getCart(session), getUnits(session), listBudgetKeys(session)])
  const failed = [cart, units, keys].find((r) => !r.ok)
  if (failed && !failed.ok) {
    return (
      <section aria-labelledby="requisicion">
        {heading}
        <ApiErrorNotice {...failed.error} testId="requisition-load-error" />
      </section>
    )
  }
  if (!cart.ok || !units.ok || !keys.ok) {
    return null
  }
  if (!cart.data || cart.data.items.length === 0) {
    return (
      <EmptyCart
        labelledBy="requisicion"
        heading={heading}
        message={m.form.emptyCart}
        searchLabel={m.cart.searchLink}
        testId="requisition-empty-cart"
      />
    )
  }
  const unitIds = new Set(profile.roles.filter((r) => BUYING_ROLES.includes(r.role) && r.unit_id).map((r) => r.unit_id as string))
  const unitOptions: UnitOption[] = units.data.filter((u) => unitIds.has(u.id)).map((u) => ({ id: u.id, label: `${u.name} (${u.code})` }))
  const partidas = [
    ...new Set(cart.data.items.map((i) => i.product?.metadata?.cog_partida).filter((p): p is string => typeof p === "string")),
  ].sort()
  const unitName = new Map(units.data.map((u) => [u.id, u.name]))
  const total = priceCart(cart.data).total
  const cents = (v: string) => BigInt(v.replace(".", ""))
  const keyOptions: KeyOption[] = keys.data
    .filter((k) => k.is_active && (partidas.length === 0 || partidas.includes(k.partida_especifica)))
    .map((k) => ({
      id: k.id,
      unit_id: k.unit_id,
      label: `${m.form.budgetOption(k.clave, pesos(k.disponible))}${k.unit_id && unitName.get(k.unit_id) ? ` · ${unitName.get(k.unit_id)}` : ""}`,
      disponible: pesos(k.disponible),
      partida: k.partida_especifica,
      covers: /^\d+\.\d{2}$/.test(k.disponible) ? cents(k.disponible) >= cents(total) : true,
    }))
  return (
    <section aria-labelledby="requisicion" className="requisition-new">
      {heading}
      <p className="muted">{m.form.intro}</p>
      <p data-testid="requisition-cart-summary">
        <Link href="/carrito">{m.form.summary(cart.data.items.length, pesos(total))}</Link>
      </p>
      <ul className="compact" aria-label={m.cart.title}>
        {cart.data.items.map((i) => (
          <li key={i.id}>
            {Number(i.quantity).toLocaleString("es-MX")} × {i.product_title} — {i.variant_title}
          </li>
        ))}
      </ul>
      {unitOptions.length === 0 ? (
        <ApiErrorNotice code="SIN_UNIDAD_REQUIRENTE" message={m.form.noUnit} />
      ) : (
        <RequisitionForm
          lang={m.lang.html === "en" ? "en" : "es"}
          units={unitOptions}
          keys={keyOptions}
          partidas={partidas}
          today={todayInMexico()}
        />
      )}
    </section>
  )
}
