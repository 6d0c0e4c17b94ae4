import type { Metadata } from "next"
import { ActionForm } from "../../components/action-form"
import { ApiErrorNotice } from "../../components/api-error"
import { confirmPaymentAction, rematchAction } from "@lib/actions/invoicing"
import { requireAccount } from "@lib/data/account"
import { listAgencyInvoices, listPaymentRequests, type Invoice } from "@lib/data/invoicing"
import { capabilities } from "@lib/data/me"
import { amount, day } from "@lib/format"
import { tj } from "@lib/i18n"

export const metadata: Metadata = { title: "Facturas y pagos — Tienda Digital" }
export const dynamic = "force-dynamic"

const invoiceName = (i: Invoice) => [i.serie, i.folio].filter(Boolean).join("-") || i.uuid.slice(0, 8)

/**
 * The Payment Request Typist's page: the exception queue (GET
 * /store/invoices?status=exception, with its reasons and "match again"),
 * the agency's invoices matched against contract and reception, and their
 * payment requests with the payment's status (GET /store/payment-requests);
 * an exercised request is confirmed paid here (SPEI).
 */
export default async function Payments() {
  const m = tj()
  const account = await requireAccount("/pagos")
  const heading = <h1 id="pagos">{m.payments.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="pagos">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).payments) {
    return (
      <section aria-labelledby="pagos">
        {heading}
        <ApiErrorNotice code="SIN_FACULTAD_PARA_PAGOS" message={m.payments.notTypist} testId="payments-denied" />
      </section>
    )
  }
  const [exceptions, invoices, requests] = await Promise.all([
    listAgencyInvoices(account.session, "exception"),
    listAgencyInvoices(account.session),
    listPaymentRequests(account.session),
  ])
  const byInvoice = new Map(invoices.ok ? invoices.data.invoices.map((i) => [i.id, i]) : [])
  return (
    <section aria-labelledby="pagos">
      {heading}
      <p className="muted">{m.payments.intro}</p>
      <section aria-labelledby="excepciones">
        <h2 id="excepciones">{m.payments.exceptions}</h2>
        {!exceptions.ok ? (
          <ApiErrorNotice {...exceptions.error} testId="exceptions-error" />
        ) : exceptions.data.invoices.length === 0 ? (
          <p className="muted" data-testid="exceptions-empty">
            {m.payments.noExceptions}
          </p>
        ) : (
          <ul className="list" data-testid="exceptions">
            {exceptions.data.invoices.map((i) => (
              <li key={i.id} className="card" data-testid="exception-row" data-uuid={i.uuid}>
                <h3 className="card-title">
                  {m.invoices.number} {invoiceName(i)} · {amount(i.total)}
                </h3>
                <span className="muted hash">{i.uuid}</span>
                <span>
                  {m.invoices.exception}: <strong>{i.exception_reason ?? "—"}</strong>
                </span>
                {i.match?.reasons?.length ? (
                  <ul>
                    {i.match.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : null}
                <ActionForm
                  action={rematchAction}
                  hidden={{ invoice_id: i.id }}
                  label={m.payments.rematch}
                  ariaLabel={`${m.payments.rematch}: ${invoiceName(i)}`}
                  pending={m.payments.rematching}
                  testId="rematch"
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="solicitudes">
        <h2 id="solicitudes">{m.payments.requests}</h2>
        {!requests.ok ? (
          <ApiErrorNotice {...requests.error} testId="requests-error" />
        ) : requests.data.payment_requests.length === 0 ? (
          <p className="notice" data-testid="requests-empty">
            {m.payments.noRequests}
          </p>
        ) : (
          <ul className="list" data-testid="payment-requests">
            {requests.data.payment_requests.map((p) => {
              const inv = byInvoice.get(p.invoice_id)
              return (
                <li key={p.id} className="card" data-testid="payment-request" data-status={p.status}>
                  <h3 className="card-title">
                    {m.invoices.number} {inv ? invoiceName(inv) : p.invoice_id}
                  </h3>
                  <span>
                    {m.invoices.status}:{" "}
                    <strong data-testid="payment-request-status">{m.invoices.paymentStatuses[p.status] ?? p.status}</strong>
                  </span>
                  <span>
                    {m.invoices.amount} {amount(p.amount)} · {m.invoices.penalty} {amount(p.penalty_deduction)} · {m.invoices.net}{" "}
                    <strong>{amount(p.net_amount)}</strong>
                  </span>
                  <span className="muted">
                    {m.invoices.due}: {day(p.due_date)}
                    {p.beneficiary_rfc ? ` · ${m.payments.supplier}: ${p.beneficiary_rfc}` : ""}
                    {p.clc_folio ? ` · ${m.invoices.clc} ${p.clc_folio}` : ""}
                    {p.clave_rastreo ? ` · ${m.invoices.rastreo} ${p.clave_rastreo}` : ""}
                  </span>
                  {p.complement_overdue ? <span className="field-error">{m.payments.complementOverdue}</span> : null}
                  {p.status === "exercised" ? (
                    <ActionForm
                      action={confirmPaymentAction}
                      hidden={{ payment_request_id: p.id }}
                      label={m.payments.confirm}
                      pending={m.payments.confirming}
                      testId="confirm-payment"
                      input={{ name: "clave_rastreo", label: m.payments.rastreo, maxLength: 40 }}
                    />
                  ) : null}
                </li>
              )
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="facturas">
        <h2 id="facturas">{m.payments.invoices}</h2>
        {!invoices.ok ? (
          <ApiErrorNotice {...invoices.error} testId="invoices-error" />
        ) : invoices.data.invoices.length === 0 ? (
          <p className="notice" data-testid="agency-invoices-empty">
            {m.payments.noInvoices}
          </p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="facturas">
            <table className="table" data-testid="agency-invoices">
              <thead>
                <tr>
                  <th scope="col">{m.invoices.number}</th>
                  <th scope="col">{m.invoices.status}</th>
                  <th scope="col" className="num">
                    {m.invoices.total}
                  </th>
                  <th scope="col">{m.invoices.payment}</th>
                </tr>
              </thead>
              <tbody>
                {invoices.data.invoices.map((i) => (
                  <tr key={i.id} data-testid="agency-invoice" data-uuid={i.uuid}>
                    <th scope="row">{invoiceName(i)}</th>
                    <td data-label={m.invoices.status}>{m.invoices.statuses[i.status] ?? i.status}</td>
                    <td className="num" data-label={m.invoices.total}>
                      {amount(i.total)}
                    </td>
                    <td data-label={m.invoices.payment}>
                      {i.payment ? (m.invoices.paymentStatuses[i.payment.status] ?? i.payment.status) : m.invoices.noPayment}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  )
}
