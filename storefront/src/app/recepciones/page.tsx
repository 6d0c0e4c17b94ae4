import type { Metadata } from "next"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { listReceptions, listShipments } from "@lib/data/delivery"
import { capabilities } from "@lib/data/me"
import { amount, dateTime } from "@lib/format"
import { getLang, t, tj } from "@lib/i18n"
import { ReceptionForm } from "./reception-form"

export const metadata: Metadata = { title: "Recepciones — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The Reception Manager's page: shipments to my agency awaiting reception
 * (GET /store/shipments?status=pending_reception), each with its reception
 * form, and the receptions recorded with their days late and pena
 * convencional (GET /store/receptions).
 */
export default async function Receptions() {
  const m = t()
  const lang = getLang()
  const account = await requireAccount("/recepciones")
  const heading = <h1 id="recepciones">{m.receptions.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="recepciones">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).receive) {
    return (
      <section aria-labelledby="recepciones">
        {heading}
        <ApiErrorNotice code="SIN_FACULTAD_PARA_RECIBIR" message={m.receptions.notReceiver} testId="receptions-denied" />
      </section>
    )
  }
  const [pending, done] = await Promise.all([listShipments(account.session, "pending_reception"), listReceptions(account.session)])
  return (
    <section aria-labelledby="recepciones">
      {heading}
      <p className="muted">{m.receptions.intro}</p>
      <section aria-labelledby="por-recibir">
        <h2 id="por-recibir">{m.receptions.pending}</h2>
        {!pending.ok ? (
          <ApiErrorNotice {...pending.error} testId="shipments-error" />
        ) : pending.data.shipments.length === 0 ? (
          <p className="notice" data-testid="receptions-pending-empty">
            {m.receptions.empty}
          </p>
        ) : (
          <ul className="list" data-testid="pending-shipments">
            {pending.data.shipments.map((s) => (
              <li key={s.id} className="card" data-testid="pending-shipment" data-note={s.delivery_note}>
                <h3 className="card-title">
                  {m.receptions.deliveryNote} {s.delivery_note}
                </h3>
                <span className="muted">
                  {m.receptions.shippedAt}: {dateTime(s.shipped_at)}
                </span>
                <details>
                  <summary data-testid="reception-open">
                    {m.receptions.receive}
                    <span className="visually-hidden">: {s.delivery_note}</span>
                  </summary>
                  <ReceptionForm
                    lang={lang}
                    shipmentId={s.id}
                    deliveryNote={s.delivery_note}
                    lines={s.lines.map((l) => ({ contract_line: l.contract_line, description: l.description, quantity: l.quantity }))}
                  />
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="recibidas">
        <h2 id="recibidas">{m.receptions.done}</h2>
        {!done.ok ? (
          <ApiErrorNotice {...done.error} testId="receptions-error" />
        ) : done.data.receptions.length === 0 ? (
          <p className="muted" data-testid="receptions-empty">
            {m.receptions.noneDone}
          </p>
        ) : (
          <ul className="list" data-testid="receptions">
            {done.data.receptions.map((r) => (
              <li key={r.id} className="card" data-testid="reception-row" data-outcome={r.outcome}>
                <strong>
                  {m.receptions.outcome}: {m.receptions.outcomes[r.outcome] ?? r.outcome}
                </strong>
                <span className="muted">{dateTime(r.received_at)}</span>
                <span>
                  {(r.lines ?? [])
                    .map(
                      (l) =>
                        `${l.contract_line}: ${m.receptions.accepted} ${l.accepted_quantity}, ${m.receptions.rejectedQty} ${l.rejected_quantity}`,
                    )
                    .join(" · ")}
                </span>
                <span data-testid="reception-penalty" data-amount={r.penalty_amount}>
                  {r.days_late > 0
                    ? `${m.receptions.daysLate(r.days_late)} · ${m.receptions.penalty}: ${amount(r.penalty_amount)}`
                    : m.receptions.onTime}
                </span>
                {r.notes ? <span>{r.notes}</span> : null}
                <a className="button" href={`/recepciones/${encodeURIComponent(r.id)}/acta`} data-testid="reception-acta">
                  {tj().acta.view}
                  <span className="visually-hidden">: {dateTime(r.received_at)}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}
