import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { listSupplierOrders } from "@lib/data/delivery"
import { listSupplierInvoices } from "@lib/data/invoicing"
import { capabilities } from "@lib/data/me"
import { amount, day } from "@lib/format"
import { getLang, tj } from "@lib/i18n"
import { CfdiForm } from "./cfdi-form"

export const metadata: Metadata = { title: "Mis facturas — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The supplier's invoices (GET /supplier/invoices) with where each payment
 * stands, and the CFDI upload for one of its orders (POST /supplier/invoices).
 */
export default async function SupplierInvoices({ searchParams }: { searchParams: { pedido?: string } }) {
  const m = tj()
  const account = await requireAccount("/proveedor/facturas")
  const heading = <h1 id="facturas">{m.invoices.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="facturas">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const can = capabilities(account.profile)
  if (!can.orders) {
    return (
      <section aria-labelledby="facturas">
        {heading}
        <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.invoices.notSupplier} testId="invoices-denied" />
      </section>
    )
  }
  const [invoices, orders] = await Promise.all([listSupplierInvoices(account.session), listSupplierOrders(account.session)])
  const pedido = typeof searchParams.pedido === "string" ? searchParams.pedido : undefined
  return (
    <section aria-labelledby="facturas">
      {heading}
      <p className="muted">{m.invoices.intro}</p>
      {can.sign ? (
        orders.ok && orders.data.orders.length > 0 ? (
          <CfdiForm
            lang={getLang()}
            kind="invoice"
            selectedOrder={pedido}
            orders={orders.data.orders.map((o) => ({
              id: o.id,
              label: `${m.invoices.order} ${o.display_id ?? o.id} · ${o.specific_contract.number} · ${amount(o.specific_contract.total)}`,
            }))}
          />
        ) : orders.ok ? (
          <p className="notice" data-testid="cfdi-no-orders">
            {m.invoices.noOrders}
          </p>
        ) : (
          <ApiErrorNotice {...orders.error} testId="cfdi-orders-error" />
        )
      ) : null}
      <section aria-labelledby="lista">
        <h2 id="lista">{m.invoices.title}</h2>
        {!invoices.ok ? (
          <ApiErrorNotice {...invoices.error} testId="invoices-error" />
        ) : invoices.data.invoices.length === 0 ? (
          <p className="notice" data-testid="invoices-empty">
            {m.invoices.empty}
          </p>
        ) : (
          <ul className="list" data-testid="invoices">
            {invoices.data.invoices.map((i) => (
              <li key={i.id} className="card row-card" data-testid="invoice-row" data-uuid={i.uuid} data-status={i.status}>
                <h3 className="card-title">
                  <Link href={`/proveedor/facturas/${encodeURIComponent(i.id)}`} data-testid="invoice-link">
                    {m.invoices.number} {[i.serie, i.folio].filter(Boolean).join("-") || i.uuid.slice(0, 8)}
                  </Link>
                </h3>
                <span className="muted hash">{i.uuid}</span>
                <span>
                  {m.invoices.total}: <strong>{amount(i.total)}</strong> · {m.invoices.method}: {i.metodo_pago}
                </span>
                <span>
                  {m.invoices.status}: <strong data-testid="invoice-status">{m.invoices.statuses[i.status] ?? i.status}</strong>
                </span>
                <span data-testid="invoice-payment">
                  {m.invoices.payment}:{" "}
                  {i.payment
                    ? `${m.invoices.paymentStatuses[i.payment.status] ?? i.payment.status} · ${m.invoices.net} ${amount(i.payment.net_amount)} · ${m.invoices.due} ${day(i.payment.due_date)}`
                    : m.invoices.noPayment}
                </span>
                {i.payment?.complement_overdue ? (
                  <span className="field-error" data-testid="invoice-complement-overdue">
                    {m.invoices.complement}: {m.invoices.complementOverdue}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}
