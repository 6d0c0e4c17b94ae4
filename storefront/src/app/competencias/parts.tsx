import type { Clarification, CompetitionBase, EvaluatedBid } from "@lib/data/competitions"
import { amount, dateTime } from "@lib/format"
import type { Messages } from "@lib/messages"

type M = Messages["competitions"]

/** The competition's heading facts: status, lot, state, deadline, round and how many bids (never their contents before the opening). */
export function Summary({ m, c, extra }: { m: M; c: CompetitionBase; extra?: [string, string | number][] }) {
  const rows: [string, string | number][] = [
    [m.number, c.number],
    [m.statusLabel, m.status[c.status] ?? c.status],
    [m.lot, c.lot_title],
    [m.state, c.delivery_state],
    [m.deadline, c.bid_deadline ? dateTime(c.bid_deadline) : "—"],
    [m.round, c.round ?? 1],
    [m.bidCount, c.bid_count],
    ...(extra ?? []),
  ]
  return (
    <dl className="facts" data-testid="competition-summary" data-status={c.status}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      {c.deserted_reason ? (
        <div>
          <dt>{m.deserted}</dt>
          <dd>{c.deserted_reason}</dd>
        </div>
      ) : null}
    </dl>
  )
}

/** The rules published with the competition: method (with weights and SME bonus), minimum of valid bids, legal basis. */
export function Rules({ m, c }: { m: M; c: CompetitionBase }) {
  const r = c.rules
  if (!r) {
    return null
  }
  return (
    <section className="panel" aria-labelledby="reglas" data-testid="competition-rules">
      <h2 id="reglas">{m.rules}</h2>
      <p>
        {m.method}:{" "}
        <strong data-testid="rules-method">
          {r.method === "points" && r.weights ? m.points(r.weights.price, r.weights.delivery_days, r.sme_bonus_points ?? 0) : m.lowestPrice}
        </strong>
      </p>
      <p>
        {m.minValid}: {r.min_valid_bids}
      </p>
      <p className="muted">
        {m.citation}: {r.citation}
      </p>
    </section>
  )
}

export function Lines({ m, c }: { m: M; c: CompetitionBase }) {
  if (!c.lines?.length) {
    return null
  }
  return (
    <section aria-labelledby="partidas">
      <h2 id="partidas">{m.lines}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{m.item}</th>
              <th scope="col">{m.quantity}</th>
              <th scope="col">{m.ceiling}</th>
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l) => (
              <tr key={l.id}>
                <td>
                  {l.item_name} <span className="muted">({l.unspsc_code})</span>
                </td>
                <td>{l.quantity}</td>
                <td>{amount(l.ceiling_price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

export function Clarifications({ m, items }: { m: M; items: Clarification[] | undefined }) {
  return (
    <section aria-labelledby="aclaraciones" data-testid="clarifications">
      <h2 id="aclaraciones">{m.questionsHeading}</h2>
      {!items?.length ? (
        <p className="muted">{m.noQuestions}</p>
      ) : (
        <ul className="list">
          {items.map((q) => (
            <li key={q.id} className="card">
              <p>
                <strong>{m.question}:</strong> {q.question} <span className="muted">({dateTime(q.asked_at)})</span>
              </p>
              <p>
                <strong>{m.answer}:</strong> {q.answer ?? <span className="muted">{m.pending}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** After the opening: every bid with its total, delivery, points (under `points`), validity and rank, and the rationale. */
export function Evaluation({ m, c, names }: { m: M; c: CompetitionBase; names?: Map<string, string> }) {
  const e = c.evaluation
  if (!c.opened_at || !e) {
    return c.status === "bidding" ? (
      <p className="notice" data-testid="sealed-notice">
        {m.notYetOpened}
      </p>
    ) : null
  }
  const points = c.rules?.method === "points"
  return (
    <section aria-labelledby="evaluacion" data-testid="evaluation">
      <h2 id="evaluacion">{m.evaluationHeading}</h2>
      <p data-testid="evaluation-rationale">{e.rationale}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{m.rank}</th>
              <th scope="col">{m.supplier}</th>
              <th scope="col">{m.total}</th>
              <th scope="col">{m.days}</th>
              {points ? <th scope="col">{m.pointsCol}</th> : null}
              <th scope="col">{m.valid}</th>
            </tr>
          </thead>
          <tbody>
            {e.bids.map((b: EvaluatedBid) => (
              <tr key={b.bid_id} data-testid="evaluation-row" data-supplier={b.supplier_id}>
                <td>{b.rank ?? "—"}</td>
                <td>{names?.get(b.supplier_id) ?? b.supplier_id}</td>
                <td>{b.total ? amount(b.total) : "—"}</td>
                <td>{b.delivery_days ?? "—"}</td>
                {points ? <td>{b.points?.total ?? "—"}</td> : null}
                <td>{b.valid ? m.yes : `${m.no} (${b.findings.map((f) => f.code).join(", ")})`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
