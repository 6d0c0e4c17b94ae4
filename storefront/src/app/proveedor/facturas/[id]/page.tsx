import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { awaitsComplement, getSupplierInvoice } from "@lib/data/invoicing"
import { capabilities } from "@lib/data/me"
import { amount, dateTime, day } from "@lib/format"
import { getLang, tj } from "@lib/i18n"
import { CfdiForm } from "../cfdi-form"

export const metadata: Metadata = { title: "Factura — Tienda Digital" }
export const dynamic = "force-dynamic"

/** One of my invoices (GET /supplier/invoices/:id): its CFDI, its payment step by step and, for a paid PPD, the complement upload. */
export default async function SupplierInvoice({ params }: { params: { id: string } }) {
  const m = tj()
  const id = decodeURIComponent(params.id)
  const account = await requireAccount(`/proveedor/facturas/${encodeURIComponent(id)}`)
  const back = (
    <p>
      <Link href="/proveedor/facturas">← {m.invoices.back}</Link>
    </p>
  )
  const heading = <h1 id="factura">{m.invoices.number}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="factura">
        {back}
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const can = capabilities(account.profile)
  if (!can.orders) {
    return (
      <section aria-labelledby="factura">
        {heading}
        <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.invoices.notSupplier} testId="invoices-denied" />
      </section>
    )
  }
  const res = await getSupplierInvoice(account.session, id)
  if (!res.ok) {
    return (
      <section aria-labelledby="factura">
        {back}
        {heading}
        <ApiErrorNotice {...res.error} testId="invoice-error" />
      </section>
    )
  }
  const i = res.data.invoice
  const p = i.payment
  return (
    <section aria-labelledby="factura">
      {back}
      <h1 id="factura" data-testid="invoice-heading">
        {m.invoices.number} {[i.serie, i.folio].filter(Boolean).join("-") || i.uuid.slice(0, 8)}
      </h1>
      <dl className="facts" data-testid="invoice-facts">
        <div>
          <dt>{m.invoices.uuid}</dt>
          <dd className="hash">{i.uuid}</dd>
        </div>
        <div>
          <dt>{m.invoices.status}</dt>
          <dd data-testid="invoice-status">{m.invoices.statuses[i.status] ?? i.status}</dd>
        </div>
        <div>
          <dt>{m.invoices.total}</dt>
          <dd>
            {amount(i.subtotal)} + IVA {amount(i.iva)} = <strong>{amount(i.total)}</strong> {i.currency_code}
          </dd>
        </div>
        <div>
          <dt>{m.invoices.issued}</dt>
          <dd>{i.issued_at ?? "—"}</dd>
        </div>
        <div>
          <dt>{m.invoices.method}</dt>
          <dd>{i.metodo_pago}</dd>
        </div>
        <div>
          <dt>{m.invoices.due}</dt>
          <dd>{day(i.due_date)}</dd>
        </div>
        {i.exception_reason ? (
          <div>
            <dt>{m.invoices.exception}</dt>
            <dd data-testid="invoice-exception">{i.exception_reason}</dd>
          </div>
        ) : null}
      </dl>
      <section aria-labelledby="pago">
        <h2 id="pago">{m.invoices.payment}</h2>
        {p ? (
          <dl className="facts" data-testid="invoice-payment">
            <div>
              <dt>{m.invoices.status}</dt>
              <dd data-testid="payment-status" data-status={p.status}>
                {m.invoices.paymentStatuses[p.status] ?? p.status}
              </dd>
            </div>
            <div>
              <dt>{m.invoices.amount}</dt>
              <dd>{amount(p.amount)}</dd>
            </div>
            <div>
              <dt>{m.invoices.penalty}</dt>
              <dd>{amount(p.penalty_deduction)}</dd>
            </div>
            <div>
              <dt>{m.invoices.net}</dt>
              <dd>
                <strong data-testid="payment-net">{amount(p.net_amount)}</strong>
              </dd>
            </div>
            <div>
              <dt>{m.invoices.due}</dt>
              <dd>{day(p.due_date)}</dd>
            </div>
            {p.clc_folio ? (
              <div>
                <dt>{m.invoices.clc}</dt>
                <dd>{p.clc_folio}</dd>
              </div>
            ) : null}
            {p.clave_rastreo ? (
              <div>
                <dt>{m.invoices.rastreo}</dt>
                <dd>{p.clave_rastreo}</dd>
              </div>
            ) : null}
            {p.paid_at ? (
              <div>
                <dt>{m.invoices.paidAt}</dt>
                <dd>
                  {dateTime(p.paid_at)}
                  {p.paid_late ? ` · ${m.invoices.paidLate}` : ""}
                </dd>
              </div>
            ) : null}
            {p.complement_status ? (
              <div>
                <dt>{m.invoices.complement}</dt>
                <dd data-testid="complement-status">
                  {m.invoices.complementStatus[p.complement_status] ?? p.complement_status}
                  {p.complement_due_date ? ` · ${m.invoices.complementDue}: ${day(p.complement_due_date)}` : ""}
                  {p.complement_overdue ? ` · ${m.invoices.complementOverdue}` : ""}
                </dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="notice" data-testid="payment-none">
            {m.invoices.noPayment}
          </p>
        )}
      </section>
      {can.sign && awaitsComplement(i) ? <CfdiForm lang={getLang()} kind="complement" invoiceId={i.id} /> : null}
    </section>
  )
}
