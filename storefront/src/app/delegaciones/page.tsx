import type { Metadata } from "next"
import { ActionForm } from "../../components/action-form"
import { ApiErrorNotice } from "../../components/api-error"
import { revokeDelegationAction } from "@lib/actions/offers"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { delegationState, listDelegations, type Delegation } from "@lib/data/offers"
import { peopleById } from "@lib/data/purchasing"
import { dateTime } from "@lib/format"
import { getLang, t, tj } from "@lib/i18n"
import { DelegationForm } from "./delegation-form"

export const metadata: Metadata = { title: "Delegaciones — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The roles an approval policy's steps may name: the only ones the API lets a person delegate (ROL_NO_DELEGABLE otherwise). */
const APPROVAL_ROLES = ["requiring_unit", "purchasing_unit", "budget", "contract_admin", "purchasing_operator"]

/**
 * An approver's delegations (GET /store/delegations): those given, each
 * revocable with a reason (POST …/:id/revoke), those received, and the form
 * to delegate one of the person's roles for a period (POST /store/delegations).
 */
export default async function Delegations() {
  const m = tj()
  const mt = t()
  const lang = getLang()
  const account = await requireAccount("/delegaciones")
  const heading = <h1 id="delegaciones">{m.delegations.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="delegaciones">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).approve) {
    return (
      <section aria-labelledby="delegaciones">
        {heading}
        <ApiErrorNotice code="SIN_FACULTAD_PARA_APROBAR" message={m.delegations.notApprover} testId="delegations-denied" />
      </section>
    )
  }
  const { session, profile } = account
  const [res, people] = await Promise.all([listDelegations(session), peopleById(session)])
  const name = (pid: string) => people.get(pid)?.full_name ?? pid
  const roles = [
    ...new Map(
      profile.roles
        .filter((r) => APPROVAL_ROLES.includes(r.role))
        .map((r) => [r.role, lang === "en" && r.label_en ? r.label_en : r.label_es]),
    ).entries(),
  ].map(([code, label]) => ({ code, label }))
  const row = (d: Delegation, given: boolean) => {
    const state = delegationState(d)
    return (
      <li key={d.id} className="card" data-testid={given ? "delegation-given" : "delegation-received"} data-state={state}>
        <strong>
          {mt.role(d.role)} · {given ? m.delegations.to : m.delegations.from}: {name(given ? d.delegate_person_id : d.delegator_person_id)}
        </strong>
        <span>
          {m.delegations.period}: {dateTime(d.starts_at)} – {dateTime(d.ends_at)}
        </span>
        <span data-testid="delegation-state">{m.delegations.state[state]}</span>
        {d.reason ? <span className="muted">{d.reason}</span> : null}
        {d.revocation_reason ? <span className="muted">{d.revocation_reason}</span> : null}
        {given && (state === "active" || state === "scheduled") ? (
          <ActionForm
            action={revokeDelegationAction}
            hidden={{ delegation_id: d.id }}
            label={m.delegations.revoke}
            ariaLabel={`${m.delegations.revoke}: ${name(d.delegate_person_id)}`}
            pending={m.delegations.revoking}
            testId="delegation-revoke"
            className="button danger"
            input={{ name: "reason", label: m.delegations.revokeReason, maxLength: 500 }}
          />
        ) : null}
      </li>
    )
  }
  return (
    <section aria-labelledby="delegaciones">
      {heading}
      <p className="muted">{m.delegations.intro}</p>
      {!res.ok ? (
        <ApiErrorNotice {...res.error} testId="delegations-error" />
      ) : (
        <>
          <section aria-labelledby="dadas">
            <h2 id="dadas">{m.delegations.given}</h2>
            {res.data.given.length === 0 ? (
              <p className="muted" data-testid="delegations-given-empty">
                {m.delegations.none}
              </p>
            ) : (
              <ul className="list">{res.data.given.map((d) => row(d, true))}</ul>
            )}
          </section>
          <section aria-labelledby="recibidas">
            <h2 id="recibidas">{m.delegations.received}</h2>
            {res.data.received.length === 0 ? (
              <p className="muted" data-testid="delegations-received-empty">
                {m.delegations.none}
              </p>
            ) : (
              <ul className="list">{res.data.received.map((d) => row(d, false))}</ul>
            )}
          </section>
        </>
      )}
      <DelegationForm
        lang={lang}
        today={new Date().toISOString().slice(0, 10)}
        roles={roles}
        people={[...people.values()].filter((p) => p.id !== profile.id).map((p) => ({ id: p.id, name: p.full_name }))}
      />
    </section>
  )
}
