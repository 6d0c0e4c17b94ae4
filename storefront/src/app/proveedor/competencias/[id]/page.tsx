import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { getIntegrity, getSupplierCompetition } from "@lib/data/competitions"
import { capabilities } from "@lib/data/me"
import { dateTime } from "@lib/format"
import { getLang, t } from "@lib/i18n"
import { EfirmaSign } from "../../../competencias/efirma-form"
import { Clarifications, Evaluation, Lines, Rules, Summary } from "../../../competencias/parts"
import { AskForm, BidForm } from "./forms"

export const metadata: Metadata = { title: "Segunda etapa — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * One competition my company is invited to: the published rules and lines,
 * the integrity declaration (e.firma), the sealed bid (and its replacement)
 * with the commitment, questions and answers, the award offered to me
 * (confirmed with e.firma) and, after the opening, the evaluation.
 */
export default async function SupplierCompetition({ params }: { params: { id: string } }) {
  const lang = getLang()
  const m = t().competitions
  const account = await requireAccount(`/proveedor/competencias/${encodeURIComponent(params.id)}`)
  if ("error" in account) {
    return <ApiErrorNotice {...account.error} />
  }
  if (!capabilities(account.profile).bid) {
    return <ApiErrorNotice code="SOLO_PROVEEDORES" message={m.notAllowed} testId="competition-denied" />
  }
  const res = await getSupplierCompetition(account.session, params.id)
  if (!res.ok) {
    return <ApiErrorNotice {...res.error} testId="competition-error" />
  }
  const c = res.data.competition
  const integrity = await getIntegrity(account.session, "supplier", c.id)
  const declared = integrity.ok ? integrity.data.integrity_declaration.declaration : null
  const live = c.own_bids.some((b) => b.status === "sealed")
  return (
    <article aria-labelledby="competencia" data-testid="supplier-competition">
      <h1 id="competencia">
        {m.supplierTitle}: {c.number}
      </h1>
      <Summary m={m} c={c} extra={[[m.invitedCount, c.invited_count]]} />
      <Rules m={m} c={c} />
      <Lines m={m} c={c} />

      {c.status === "bidding" ? (
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
                kind="integrity_supplier"
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

      {c.status === "bidding" && declared ? <BidForm lang={lang} competitionId={c.id} lines={c.lines} replacing={live} /> : null}

      {c.own_bids.length ? (
        <section aria-labelledby="mis-propuestas" data-testid="own-bids">
          <h2 id="mis-propuestas">{m.ownBids}</h2>
          <ul className="list">
            {c.own_bids.map((b) => (
              <li key={b.id} className="card" data-testid="own-bid" data-status={b.status}>
                <span>
                  <strong>{m.bidStatus[b.status] ?? b.status}</strong> · {dateTime(b.submitted_at)}
                </span>
                <span>
                  {m.commitment}: <code className="break">{b.commitment}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {c.award_signing_payload ? (
        <section className="panel" aria-labelledby="adjudicacion" data-testid="accept-panel">
          <h2 id="adjudicacion">{m.awardHeading}</h2>
          <p>{m.awardOffered(c.confirmation_deadline ? dateTime(c.confirmation_deadline) : "—")}</p>
          <EfirmaSign
            lang={lang}
            kind="accept"
            competitionId={c.id}
            payload={c.award_signing_payload}
            submitLabel={m.acceptAward}
            testId="accept-sign"
          />
        </section>
      ) : null}

      <Evaluation m={m} c={c} />
      <Clarifications m={m} items={c.clarifications} />
      {c.status === "bidding" ? <AskForm lang={lang} competitionId={c.id} /> : null}
      {c.status !== "draft" ? (
        <p>
          <Link href={`/competencias/${encodeURIComponent(c.id)}/resultados`}>{m.publicLink}</Link>
        </p>
      ) : null}
    </article>
  )
}
