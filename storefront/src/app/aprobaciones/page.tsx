import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getUnits, listInbox, peopleById } from "@lib/data/purchasing"
import { amount, dateTime } from "@lib/format"
import { t } from "@lib/i18n"

export const metadata: Metadata = { title: "Aprobaciones — Tienda Digital" }
export const dynamic = "force-dynamic"

/** Requisitions whose current step I may decide now (GET /store/requisitions/inbox), oldest first. */
export default async function Approvals() {
  const m = t()
  const account = await requireAccount("/aprobaciones")
  const heading = <h1 id="aprobaciones">{m.inbox.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="aprobaciones">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).approve) {
    return (
      <section aria-labelledby="aprobaciones">
        {heading}
        <ApiErrorNotice code="SIN_FACULTAD_PARA_APROBAR" message={m.inbox.empty} />
      </section>
    )
  }
  const [res, units, people] = await Promise.all([listInbox(account.session), getUnits(account.session), peopleById(account.session)])
  const unitName = new Map(units.ok ? units.data.map((u) => [u.id, u.name]) : [])
  const now = Date.now()
  return (
    <section aria-labelledby="aprobaciones">
      {heading}
      <p className="muted">{m.inbox.intro}</p>
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="inbox-error" />
      ) : res.data.requisitions.length === 0 ? (
        <p className="notice" data-testid="inbox-empty">
          {m.inbox.empty}
        </p>
      ) : (
        <>
          <p className="results-count" data-testid="inbox-count" data-count={res.data.count}>
            {m.inbox.count(res.data.count)}
          </p>
          <ul className="list" data-testid="inbox">
            {res.data.requisitions.map((r) => {
              const overdue = new Date(r.current_step.due_at).getTime() < now
              return (
                <li key={r.id} className="card row-card" data-testid="inbox-row" data-number={r.number}>
                  <h2 className="card-title">
                    <Link href={`/requisiciones/${encodeURIComponent(r.id)}`} data-testid="inbox-link">
                      {r.number}
                    </Link>
                  </h2>
                  <span>
                    <strong>{amount(r.total)}</strong> · {unitName.get(r.unit_id) ?? r.unit_id}
                  </span>
                  <span className="muted">{people.get(r.requester_person_id)?.full_name ?? ""}</span>
                  <span data-testid="inbox-step">
                    {m.inbox.step} {r.current_step.sequence}: {m.role(r.current_step.role)}
                  </span>
                  <span className={overdue ? "overdue" : "muted"}>
                    {m.inbox.submitted} {dateTime(r.submitted_at)} · {overdue ? m.inbox.overdue : m.inbox.due}{" "}
                    {dateTime(r.current_step.due_at)}
                  </span>
                  <Link className="button primary" href={`/requisiciones/${encodeURIComponent(r.id)}`} data-testid="inbox-review">
                    {m.inbox.review}
                    <span className="visually-hidden"> {r.number}</span>
                  </Link>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
