import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { listSupplierOrders } from "@lib/data/delivery"
import { capabilities } from "@lib/data/me"
import { amount, dateTime } from "@lib/format"
import { t } from "@lib/i18n"

export const metadata: Metadata = { title: "Mis pedidos — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The orders placed with my company (GET /supplier/orders), newest first. */
export default async function SupplierOrders() {
  const m = t()
  const account = await requireAccount("/proveedor/pedidos")
  const heading = <h1 id="pedidos">{m.supplierOrders.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="pedidos">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).orders) {
    return (
      <section aria-labelledby="pedidos">
        {heading}
        <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.supplierOrders.notSupplier} testId="orders-denied" />
      </section>
    )
  }
  const res = await listSupplierOrders(account.session)
  return (
    <section aria-labelledby="pedidos">
      {heading}
      <p className="muted">{m.supplierOrders.intro}</p>
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="orders-error" />
      ) : res.data.orders.length === 0 ? (
        <p className="notice" data-testid="orders-empty">
          {m.supplierOrders.empty}
        </p>
      ) : (
        <ul className="list" data-testid="orders">
          {res.data.orders.map((o) => (
            <li key={o.id} className="card row-card" data-testid="order-row" data-contract={o.specific_contract.number}>
              <h2 className="card-title">
                <Link href={`/proveedor/pedidos/${encodeURIComponent(o.id)}`} data-testid="order-link">
                  {m.supplierOrders.order} {o.display_id ?? o.id}
                </Link>
              </h2>
              <span>
                {m.supplierOrders.contract} <strong>{o.specific_contract.number}</strong>
              </span>
              <span>
                {m.supplierOrders.total}: <strong>{amount(o.specific_contract.total)}</strong>
              </span>
              <span className="muted">
                {m.supplierOrders.placed}: {dateTime(o.created_at)}
              </span>
              <Link className="button" href={`/proveedor/pedidos/${encodeURIComponent(o.id)}`}>
                {m.supplierOrders.open}
                <span className="visually-hidden"> {o.specific_contract.number}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
