import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { listStoreCompetitions } from "@lib/data/competitions"
import { capabilities } from "@lib/data/me"
import { dateTime } from "@lib/format"
import { t } from "@lib/i18n"

export const metadata: Metadata = { title: "Segundas etapas — Tienda Digital" }
export const dynamic = "force-dynamic"

/** My agency's competitions (GET /store/competitions), newest first. */
export default async function PurchasingCompetitions() {
  const m = t().competitions
  const account = await requireAccount("/competencias")
  const heading = <h1 id="competencias">{m.purchasingTitle}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="competencias">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).compete) {
    return (
      <section aria-labelledby="competencias">
        {heading}
        <ApiErrorNotice code="SOLO_UNIDAD_COMPRADORA" message={m.notAllowed} testId="competitions-denied" />
      </section>
    )
  }
  const res = await listStoreCompetitions(account.session)
  return (
    <section aria-labelledby="competencias">
      {heading}
      <p className="muted">{m.purchasingIntro}</p>
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="competitions-error" />
      ) : res.data.competitions.length === 0 ? (
        <p className="notice" data-testid="competitions-empty">
          {m.empty}
        </p>
      ) : (
        <ul className="list" data-testid="competitions">
          {res.data.competitions.map((c) => (
            <li key={c.id} className="card row-card" data-testid="competition-row" data-number={c.number}>
              <h2 className="card-title">
                <Link href={`/competencias/${encodeURIComponent(c.id)}`}>{c.number}</Link>
              </h2>
              <span>{c.lot_title}</span>
              <span>
                <strong>{m.status[c.status] ?? c.status}</strong>
              </span>
              <span className="muted">
                {m.deadline}: {c.bid_deadline ? dateTime(c.bid_deadline) : "—"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
