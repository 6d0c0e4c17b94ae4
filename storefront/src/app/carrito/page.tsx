import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { EmptyCart } from "../../components/empty-cart"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getCart, priceCart } from "@lib/data/purchasing"
import { amount, pesos } from "@lib/format"
import { t } from "@lib/i18n"
import { CartLineControls } from "./line-controls"

export const metadata: Metadata = { title: "Carrito — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The buyer's open cart (a Medusa cart of their agency) and the way to the requisition form. */
export default async function CartPage() {
  const m = t()
  const account = await requireAccount("/carrito")
  const heading = <h1 id="carrito">{m.cart.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="carrito">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).buy) {
    return (
      <section aria-labelledby="carrito">
        {heading}
        <ApiErrorNotice code="SIN_PERMISO_DE_COMPRA" message={m.form.noUnit} />
      </section>
    )
  }
  const res = await getCart(account.session)
  if (!res.ok) {
    return (
      <section aria-labelledby="carrito">
        {heading}
        <ApiErrorNotice {...res.error} testId="cart-error" />
      </section>
    )
  }
  const cart = res.data
  const lang = m.lang.html === "en" ? "en" : "es"
  if (!cart || cart.items.length === 0) {
    return <EmptyCart labelledBy="carrito" heading={heading} message={m.cart.empty} searchLabel={m.cart.searchLink} testId="cart-empty" />
  }
  const priced = priceCart(cart)
  return (
    <section aria-labelledby="carrito">
      {heading}
      <ul className="cart-lines" data-testid="cart-lines">
        {priced.lines.map((line) => {
          const itemId = line.product?.metadata?.framework_item_id
          const name = line.product_title ?? ""
          return (
            <li key={line.id} className="cart-line" data-testid="cart-line">
              <div className="cart-line-main">
                <h2 className="cart-line-name" data-testid="cart-line-name">
                  {typeof itemId === "string" ? <Link href={`/articulos/${encodeURIComponent(itemId)}`}>{name}</Link> : name}
                </h2>
                <p className="muted" data-testid="cart-line-supplier">
                  {m.cart.supplier}: {line.variant_title}
                </p>
                <p>
                  {m.cart.unitPrice}: {amount(line.unit_price)} · {m.cart.lineTotal}:{" "}
                  <strong data-testid="cart-line-total">{line.amounts ? pesos(line.amounts.total) : "—"}</strong>
                </p>
              </div>
              <CartLineControls lang={lang} lineId={line.id} quantity={Number(line.quantity)} name={name} />
            </li>
          )
        })}
      </ul>
      <dl className="totals" data-testid="cart-totals">
        <div>
          <dt>{m.cart.subtotal}</dt>
          <dd>{pesos(priced.subtotal)}</dd>
        </div>
        <div>
          <dt>{m.cart.iva}</dt>
          <dd data-testid="cart-iva">{pesos(priced.iva)}</dd>
        </div>
        <div className="grand">
          <dt>{m.cart.total}</dt>
          <dd data-testid="cart-total">{pesos(priced.total)}</dd>
        </div>
      </dl>
      <p className="muted">{m.cart.estimate}</p>
      <p className="actions">
        <Link href="/carrito/requisicion" className="button primary" data-testid="to-requisition">
          {m.cart.toRequisition}
        </Link>
        <Link href="/buscar" className="button">
          {m.cart.keepSearching}
        </Link>
      </p>
    </section>
  )
}
