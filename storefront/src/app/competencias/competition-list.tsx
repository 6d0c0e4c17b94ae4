import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import type { ApiResult } from "@lib/data/backend"
import type { CompetitionBase } from "@lib/data/competitions"
import { capabilities } from "@lib/data/me"
import { dateTime } from "@lib/format"
import { t } from "@lib/i18n"
import type { Session } from "@lib/session"

type Side = {
  /** This page's path (the login comes back to it); each row links to `${path}/:id`. */
  path: string
  title: string
  intro: string
  /** Who may open the page, and the code shown to anyone else. */
  may: (c: ReturnType<typeof capabilities>) => boolean
  deniedCode: string
  list: (session: Session) => Promise<ApiResult<{ competitions: CompetitionBase[] }>>
}

/** A list of competitions as one side sees them (Purchasing Unit or supplier): number, lot, status, deadline. */
export async function CompetitionList({ path, title, intro, may, deniedCode, list }: Side) {
  const m = t().competitions
  const account = await requireAccount(path)
  const heading = <h1 id="competencias">{title}</h1>
  if ("error" in account || !may(capabilities(account.profile))) {
    return (
      <section aria-labelledby="competencias">
        {heading}
        {"error" in account ? (
          <ApiErrorNotice {...account.error} />
        ) : (
          <ApiErrorNotice code={deniedCode} message={m.notAllowed} testId="competitions-denied" />
        )}
      </section>
    )
  }
  const res = await list(account.session)
  return (
    <section aria-labelledby="competencias">
      {heading}
      <p className="muted">{intro}</p>
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
                <Link href={`${path}/${encodeURIComponent(c.id)}`}>{c.number}</Link>
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
