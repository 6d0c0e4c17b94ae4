import type { Metadata } from "next"
import { ApiErrorNotice } from "../../../../components/api-error"
import { getPublicCompetition } from "@lib/data/competitions"
import { amount, dateTime } from "@lib/format"
import { t } from "@lib/i18n"
import { Clarifications, Evaluation, Lines, Rules, Summary } from "../../parts"

export const metadata: Metadata = { title: "Resultados de la segunda etapa — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The public record of a competition (no login, GET /public/competitions/:id):
 * before the opening only the rules and the number of bids; after it the
 * participants, their totals, validity and rank, the evaluation, the winner
 * with the savings against the ceilings, and the observer's observations.
 */
export default async function PublicResults({ params }: { params: { id: string } }) {
  const m = t().competitions
  const res = await getPublicCompetition(params.id)
  if (!res.ok) {
    return <ApiErrorNotice {...res.error} testId="results-error" />
  }
  const c = res.data.competition
  const names = new Map((c.participants ?? []).map((p) => [p.supplier_id, p.legal_name ?? p.supplier_id]))
  return (
    <article aria-labelledby="resultados" data-testid="public-results">
      <h1 id="resultados">{m.publicTitle(c.number)}</h1>
      <Summary m={m} c={{ ...c, round: c.round ?? 1 }} />
      <Rules m={m} c={c} />
      <Lines m={m} c={c} />
      {c.winner ? (
        <section className="panel" aria-labelledby="ganador" data-testid="public-winner">
          <h2 id="ganador">{m.winner}</h2>
          <p>
            <strong>{c.winner.legal_name ?? c.winner.supplier_id}</strong> · {m.total}: {amount(c.winner.subtotal)} · {m.savings}:{" "}
            {amount(c.winner.savings)}
          </p>
          <p>{c.winner.confirmed ? m.confirmed : m.status.offered}</p>
        </section>
      ) : null}
      <Evaluation m={m} c={c} names={names} />
      {c.opened_at ? <Clarifications m={m} items={c.clarifications} /> : null}
      {c.observations?.length ? (
        <section aria-labelledby="observaciones">
          <h2 id="observaciones">{m.observationsHeading}</h2>
          <ul className="list">
            {c.observations.map((o, i) => (
              <li key={i} className="card">
                <span className="muted">{dateTime(o.observed_at)}</span> {o.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
