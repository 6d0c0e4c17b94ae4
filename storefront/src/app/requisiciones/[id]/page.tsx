import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { contractsOfRequisition } from "@lib/data/contracts"
import { capabilities } from "@lib/data/me"
import { getRequisition, getUnits, listBudgetKeys, listInbox, peopleById, type ApprovalStep, type Requisition } from "@lib/data/purchasing"
import { amount, dateTime, day, statusLabel } from "@lib/format"
import { t, tj } from "@lib/i18n"
import type { Messages } from "@lib/messages"
import { DecisionPanel } from "./decision-panel"
import { SubmitRequisition } from "./submit-requisition"
import { WithdrawPanel } from "./withdraw-panel"

/** Statuses a requester may still withdraw from (before contracts exist); the API decides. */
const WITHDRAWABLE = ["draft", "returned", "pending_approval", "requires_competition", "approved"]

export const metadata: Metadata = { title: "Requisición — Tienda Digital" }
export const dynamic = "force-dynamic"

type Search = { enviada?: string; no_enviada?: string; decision?: string; retirada?: string }

/**
 * A requisition of my agency in full: status, lines, totals, delivery, the
 * approval chain of its current version and its history. The requester
 * submits a draft or returned one from here; the person whose step it is
 * decides here (approve / reject / return, with a reason and a confirmation).
 */
export default async function RequisitionPage({ params, searchParams }: { params: { id: string }; searchParams: Search }) {
  const m = t()
  const here = `/requisiciones/${encodeURIComponent(params.id)}`
  const account = await requireAccount(here)
  if ("error" in account) {
    return (
      <section aria-labelledby="requisicion">
        <h1 id="requisicion">{m.detail.title("")}</h1>
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const { session, profile } = account
  const can = capabilities(profile)
  const res = await getRequisition(session, params.id)
  if (!res.ok) {
    return (
      <section aria-labelledby="requisicion">
        <h1 id="requisicion">{m.detail.title("")}</h1>
        <ApiErrorNotice {...res.error} testId="requisition-error" />
      </section>
    )
  }
  const r = res.data.requisition
  const [people, units, keys, inbox] = await Promise.all([
    peopleById(session),
    getUnits(session),
    can.buy || can.approve ? listBudgetKeys(session) : Promise.resolve(null),
    can.approve && r.status === "pending_approval" ? listInbox(session) : Promise.resolve(null),
  ])
  const who = (id: string | null) => (id ? (people.get(id)?.full_name ?? m.detail.someone) : m.detail.someone)
  const unit = units.ok ? units.data.find((u) => u.id === r.unit_id) : undefined
  const key = keys && keys.ok ? keys.data.find((k) => k.id === r.budget_key_id) : undefined
  const mine = r.requester_person_id === profile.id
  const myTurn = inbox && inbox.ok ? inbox.data.requisitions.find((x) => x.id === r.id) : undefined
  const steps = [...(r.approval_steps ?? [])]
  const current = steps.filter((s) => s.revision === r.revision)
  const pending = current.filter((s) => s.status === "pending").sort((a, b) => a.sequence - b.sequence)[0]
  const lang = m.lang.html === "en" ? "en" : "es"
  const decision = searchParams.decision as "approve" | "reject" | "return" | undefined
  return (
    <article aria-labelledby="requisicion" className="requisition">
      <nav aria-label="Ruta" className="breadcrumb">
        {mine ? (
          <Link href="/requisiciones">← {m.requisitions.title}</Link>
        ) : can.approve ? (
          <Link href="/aprobaciones">← {m.inbox.title}</Link>
        ) : null}
      </nav>
      <h1 id="requisicion" data-testid="requisition-number">
        {m.detail.title(r.number)}
      </h1>
      {searchParams.enviada ? (
        <p className="success" role="status" data-testid="requisition-submitted">
          {m.detail.submitted}
        </p>
      ) : null}
      {searchParams.no_enviada ? (
        <div className="alert" role="alert" data-testid="requisition-not-submitted">
          <p>{m.form.createdNotSubmitted}</p>
          <p className="code">
            Código: <code>{searchParams.no_enviada.replace(/[^A-Z0-9_]/g, "").slice(0, 60)}</code>
          </p>
        </div>
      ) : null}
      {searchParams.retirada ? (
        <p className="success" role="status" data-testid="requisition-withdrawn">
          {m.withdraw.done}
        </p>
      ) : null}
      {decision && decision in m.decision.past ? (
        <p className="success" role="status" data-testid="decision-recorded">
          {m.detail.decided(m.decision.past[decision])}
        </p>
      ) : null}
      <p className="status-line">
        {m.detail.status}:{" "}
        <strong className={`status status-${r.status}`} data-testid="requisition-status" data-status={r.status}>
          {m.status[r.status] ?? r.status}
        </strong>
        {pending ? (
          <span className="muted" data-testid="requisition-current-step">
            {" "}
            · {m.detail.current}: {m.detail.step(pending.sequence, m.role(pending.role))}
          </span>
        ) : null}
      </p>
      <dl className="facts">
        <div>
          <dt>{m.detail.total}</dt>
          <dd className="big" data-testid="requisition-total">
            {amount(r.total)}
          </dd>
        </div>
        <div>
          <dt>
            {m.detail.subtotal} / {m.detail.iva}
          </dt>
          <dd>
            {amount(r.subtotal)} + {amount(r.iva)}
          </dd>
        </div>
        <div>
          <dt>{m.detail.unit}</dt>
          <dd>{unit ? `${unit.name} (${unit.code})` : r.unit_id}</dd>
        </div>
        <div>
          <dt>{m.detail.budgetKey}</dt>
          <dd data-testid="requisition-key">{key ? `${key.clave} · partida ${key.partida_especifica}` : r.budget_key_id}</dd>
        </div>
        <div>
          <dt>{m.detail.delivery}</dt>
          <dd data-testid="requisition-delivery">
            {r.lines?.[0] ? `${r.lines[0].delivery_place} · ${day(String(r.lines[0].delivery_date).slice(0, 10))}` : "—"}
            {r.delivery_address ? (
              <>
                <br />
                {r.delivery_address.street}, {r.delivery_address.colonia}, {r.delivery_address.municipio}, {r.delivery_address.estado}, C.P.{" "}
                {r.delivery_address.codigo_postal}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{m.detail.justification}</dt>
          <dd data-testid="requisition-justification">{r.justification}</dd>
        </div>
      </dl>

      {mine && (r.status === "draft" || r.status === "returned") ? <SubmitRequisition lang={lang} requisitionId={r.id} /> : null}
      {mine && r.status === "returned" ? (
        <p>
          <Link className="button" href={`/requisiciones/${encodeURIComponent(r.id)}/editar`} data-testid="requisition-edit">
            {tj().edit.open}
          </Link>
        </p>
      ) : null}

      {["contracted", "ordered"].includes(r.status) ? <RequisitionContracts requisitionId={r.id} /> : null}

      <section aria-labelledby="articulos">
        <h2 id="articulos">{m.detail.lines}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="requisition-lines">
            <thead>
              <tr>
                <th scope="col">{m.detail.item}</th>
                <th scope="col" className="num">
                  {m.detail.quantity}
                </th>
                <th scope="col" className="num">
                  {m.detail.unitPrice}
                </th>
                <th scope="col" className="num">
                  {m.detail.lineTotal}
                </th>
              </tr>
            </thead>
            <tbody>
              {(r.lines ?? []).map((l) => (
                <tr key={l.id} data-testid="requisition-line">
                  <th scope="row">
                    <Link href={`/articulos/${encodeURIComponent(l.item_id)}`}>{l.item_name}</Link>
                  </th>
                  <td className="num" data-label={m.detail.quantity} data-testid="requisition-line-quantity">
                    {Number(l.quantity).toLocaleString("es-MX")}
                  </td>
                  <td className="num" data-label={m.detail.unitPrice}>
                    {amount(l.unit_price)}
                  </td>
                  <td className="num" data-label={m.detail.lineTotal}>
                    {amount(l.total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {myTurn ? (
        <DecisionPanel
          lang={lang}
          requisitionId={r.id}
          number={r.number}
          stepLabel={m.detail.step(myTurn.current_step.sequence, m.role(myTurn.current_step.role))}
        />
      ) : null}
      <Chain m={m} steps={current} who={who} />
      <History m={m} r={r} steps={steps} who={who} />
      {r.status === "requires_competition" && can.compete ? (
        <p>
          <a className="button" href={`/competencias/nueva?requisicion=${encodeURIComponent(r.id)}`} data-testid="open-competition">
            {m.competitions.newFromRequisition}
          </a>
        </p>
      ) : null}
      {mine && WITHDRAWABLE.includes(r.status) ? <WithdrawPanel lang={lang} requisitionId={r.id} number={r.number} /> : null}
    </article>
  )
}

function Chain({ m, steps, who }: { m: Messages; steps: ApprovalStep[]; who: (id: string | null) => string }) {
  return (
    <section aria-labelledby="cadena">
      <h2 id="cadena">{m.detail.chain}</h2>
      {steps.length === 0 ? (
        <p className="muted" data-testid="chain-empty">
          {m.detail.chainEmpty}
        </p>
      ) : (
        <ol className="chain" data-testid="approval-chain">
          {[...steps]
            .sort((a, b) => a.sequence - b.sequence)
            .map((s) => (
              <li
                key={s.id}
                className={`chain-step step-${s.status}`}
                data-testid="approval-step"
                data-status={s.status}
                data-role={s.role}
              >
                <strong>{m.detail.step(s.sequence, m.role(s.role))}</strong>
                <span className={`status status-${s.status}`} data-testid="approval-step-status">
                  {m.stepStatus[s.status] ?? s.status}
                </span>
                {s.decided_at ? (
                  <span data-testid="approval-step-decider">
                    {m.detail.decidedBy(who(s.decided_by_person_id), dateTime(s.decided_at))}
                    {s.on_behalf_of_person_id ? ` (${m.detail.onBehalf(who(s.on_behalf_of_person_id))})` : ""}
                  </span>
                ) : s.status === "pending" ? (
                  <span className="muted">
                    {m.detail.due}: {dateTime(s.due_at)}
                  </span>
                ) : null}
                {s.reason ? (
                  <span>
                    {m.detail.reason}: «{s.reason}»
                  </span>
                ) : null}
              </li>
            ))}
        </ol>
      )}
    </section>
  )
}

/** Everything that happened to the requisition, oldest first (every version's decisions included). */
function History({ m, r, steps, who }: { m: Messages; r: Requisition; steps: ApprovalStep[]; who: (id: string | null) => string }) {
  const events: { at: string; text: string; reason?: string | null }[] = [
    { at: r.created_at, text: `${m.detail.historyCreated} · ${who(r.requester_person_id)}` },
  ]
  if (r.submitted_at) {
    events.push({ at: r.submitted_at, text: m.detail.historySubmitted })
  }
  for (const s of steps) {
    if (s.decided_at && s.status !== "pending") {
      events.push({
        at: s.decided_at,
        text: `${m.detail.revision(s.revision)} · ${m.detail.step(s.sequence, m.role(s.role))} · ${m.stepStatus[s.status] ?? s.status} · ${who(s.decided_by_person_id)}`,
        reason: s.reason,
      })
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at))
  return (
    <section aria-labelledby="historial">
      <h2 id="historial">{m.detail.history}</h2>
      <ol className="history" data-testid="requisition-history">
        {events.map((e, i) => (
          <li key={i} data-testid="history-event">
            <time dateTime={e.at}>{dateTime(e.at)}</time> — {e.text}
            {e.reason ? (
              <>
                {" "}
                · {m.detail.reason}: «{e.reason}»
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The specific contracts generated from the requisition, their status (in force = the order was released) and totals. */
async function RequisitionContracts({ requisitionId }: { requisitionId: string }) {
  const account = await requireAccount(`/requisiciones/${encodeURIComponent(requisitionId)}`)
  if ("error" in account) {
    return null
  }
  const res = await contractsOfRequisition(account.session, requisitionId)
  return (
    <section aria-labelledby="contratos-especificos">
      <h2 id="contratos-especificos">Contratos específicos</h2>
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="requisition-contracts-error" />
      ) : res.data.length === 0 ? (
        <p className="muted" data-testid="requisition-contracts-empty">
          Aún no hay contratos específicos de esta requisición.
        </p>
      ) : (
        <ul className="list" data-testid="requisition-contracts">
          {res.data.map((c) => (
            <li key={c.id} className="card" data-testid="requisition-contract" data-status={c.status}>
              <strong>{c.number}</strong>
              <span>
                {statusLabel(c.status)} · Total {amount(c.total)}
              </span>
              <span className="muted">
                {c.in_force_at
                  ? `En vigor desde ${dateTime(c.in_force_at)}: pedido liberado al proveedor.`
                  : `Emitido ${dateTime(c.issued_at)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
