import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { getIntegrity, getStoreCompetition } from "@lib/data/competitions"
import { capabilities } from "@lib/data/me"
import { amount, dateTime } from "@lib/format"
import { getLang, t } from "@lib/i18n"
import { EfirmaSign } from "../efirma-form"
import { Clarifications, Evaluation, Lines, Rules, Summary } from "../parts"
import { StepForm } from "./step-form"

export const metadata: Metadata = { title: "Segunda etapa — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The Purchasing Unit's view of one competition: the whole procedure
 * (invitations with reasons, bid count, clarifications, the observer's
 * observations), the official's integrity declaration (e.firma), publishing,
 * and after the opening the evaluation with the award to the computed
 * winner — or to another valid bid with a justification signed with e.firma
 * (red flag).
 */
export default async function PurchasingCompetition({ params }: { params: { id: string } }) {
  const lang = getLang()
  const m = t().competitions
  const account = await requireAccount(`/competencias/${encodeURIComponent(params.id)}`)
  if ("error" in account) {
    return <ApiErrorNotice {...account.error} />
  }
  if (!capabilities(account.profile).compete) {
    return <ApiErrorNotice code="SOLO_UNIDAD_COMPRADORA" message={m.notAllowed} testId="competition-denied" />
  }
  const res = await getStoreCompetition(account.session, params.id)
  if (!res.ok) {
    return <ApiErrorNotice {...res.error} testId="competition-error" />
  }
  const c = res.data.competition
  const integrity = await getIntegrity(account.session, "store", c.id)
  const declared = integrity.ok ? integrity.data.integrity_declaration.declaration : null
  const needsDeclaration = c.status === "draft" || c.status === "opened"
  const computed = c.evaluation?.winner?.supplier_id ?? null
  const others = (c.evaluation?.bids ?? []).filter((b) => b.valid && b.supplier_id !== computed)
  return (
    <article aria-labelledby="competencia" data-testid="purchasing-competition">
      <h1 id="competencia">
        {m.purchasingTitle}: {c.number}
      </h1>
      <Summary m={m} c={c} extra={c.requisition_id ? [[m.requisition, c.requisition_id]] : []} />
      <Rules m={m} c={c} />
      <Lines m={m} c={c} />

      {needsDeclaration ? (
        <section className="panel" aria-labelledby="integridad" data-testid="integrity-panel">
          <h2 id="integridad">{m.integrityHeading}</h2>
          {!integrity.ok ? (
            <ApiErrorNotice {...integrity.error} />
          ) : declared ? (
            <p className="success" data-testid="integrity-done">
              {m.integrityDone(dateTime(declared.declared_at))}
            </p>
          ) : (
            <>
              <blockquote data-testid="integrity-text">{integrity.data.integrity_declaration.text_in_force.text}</blockquote>
              <EfirmaSign
                lang={lang}
                kind="integrity_official"
                competitionId={c.id}
                payload={integrity.data.integrity_declaration.signing_payload}
                textSha256={integrity.data.integrity_declaration.text_in_force.text_sha256}
                submitLabel={m.integritySign}
                testId="integrity-sign"
              />
            </>
          )}
        </section>
      ) : null}

      {c.status === "draft" && declared ? <StepForm lang={lang} competitionId={c.id} step="publish" /> : null}

      <Evaluation m={m} c={c} />

      {c.status === "opened" && declared && computed ? (
        <section className="panel" aria-labelledby="adjudicar" data-testid="award-panel">
          <h2 id="adjudicar">{m.awardHeading}</h2>
          <StepForm lang={lang} competitionId={c.id} step="award" />
          {others.length ? (
            <>
              <h3>{m.deviateHeading}</h3>
              <EfirmaSign
                lang={lang}
                kind="deviate"
                competitionId={c.id}
                payload={null}
                deviation={{
                  suppliers: others.map((b) => ({ id: b.supplier_id, label: `${m.rank} ${b.rank}: ${b.supplier_id}` })),
                  computed,
                }}
                submitLabel={m.deviateSign}
                testId="deviate-sign"
              />
            </>
          ) : null}
        </section>
      ) : null}

      {c.award ? (
        <section className="panel" aria-labelledby="adjudicacion" data-testid="award">
          <h2 id="adjudicacion">{m.awardHeading}</h2>
          <p>
            {m.winner}: <strong>{c.award.supplier_id}</strong> · {m.total}: {amount(c.award.subtotal)} · {m.savings}:{" "}
            {amount(c.award.savings)}
          </p>
          <p>
            {c.award.accepted_at
              ? `${m.confirmed}: ${dateTime(c.award.accepted_at)}`
              : `${m.deadline}: ${dateTime(c.award.confirmation_deadline)}`}
          </p>
          {c.award.flags.map((f) => (
            <p key={f.kind} className="notice">
              {f.message}
            </p>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="invitaciones">
        <h2 id="invitaciones">{m.invitationsHeading}</h2>
        <ul className="list" data-testid="invitations">
          {c.invitations.map((i) => (
            <li key={i.supplier_id} className="card" data-status={i.status}>
              <span>
                {i.supplier_id} · <strong>{i.status}</strong>
              </span>
              {i.reasons.length ? <span className="muted">{i.reasons.map((r) => r.message).join(" ")}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <Clarifications m={m} items={c.clarifications} />
      <section aria-labelledby="observaciones">
        <h2 id="observaciones">{m.observationsHeading}</h2>
        {c.observations.length ? (
          <ul className="list">
            {c.observations.map((o) => (
              <li key={o.id} className="card">
                <span className="muted">{dateTime(o.observed_at)}</span> {o.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{m.noObservations}</p>
        )}
      </section>
      {c.status !== "draft" ? (
        <p>
          <Link href={`/competencias/${encodeURIComponent(c.id)}/resultados`}>{m.publicLink}</Link>
        </p>
      ) : null}
    </article>
  )
}
