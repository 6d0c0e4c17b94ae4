import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { listMyRequisitions } from "@lib/data/purchasing"
import { amount, dateTime } from "@lib/format"
import { t } from "@lib/i18n"

export const metadata: Metadata = { title: "Mis requisiciones — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The requisitions I placed, newest first, with their status. */
export default async function MyRequisitions() {
  const m = t()
  const account = await requireAccount("/requisiciones")
  const heading = <h1 id="mis-requisiciones">{m.requisitions.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="mis-requisiciones">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).buy) {
    return (
      <section aria-labelledby="mis-requisiciones">
        {heading}
        <ApiErrorNotice code="SIN_PERMISO_DE_COMPRA" message={m.form.noUnit} />
      </section>
    )
  }
  const res = await listMyRequisitions(account.session)
  return (
    <section aria-labelledby="mis-requisiciones">
      {heading}
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="requisitions-error" />
      ) : res.data.requisitions.length === 0 ? (
        <p className="notice" data-testid="requisitions-empty">
          {m.requisitions.empty}
        </p>
      ) : (
        <ul className="list" data-testid="requisitions">
          {res.data.requisitions.map((r) => (
            <li key={r.id} className="card row-card" data-testid="requisition-row" data-number={r.number}>
              <h2 className="card-title">
                <Link href={`/requisiciones/${encodeURIComponent(r.id)}`} data-testid="requisition-link">
                  {r.number}
                </Link>
              </h2>
              <span className={`status status-${r.status}`} data-testid="requisition-status">
                {m.status[r.status] ?? r.status}
              </span>
              <span>
                {m.requisitions.total}: {amount(r.total)}
              </span>
              <span className="muted">
                {m.requisitions.created} {dateTime(r.created_at)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
