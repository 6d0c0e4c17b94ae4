"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../components/forms"
import { createDelegationAction } from "@lib/actions/offers"
import type { FormResult } from "@lib/actions/purchasing"
import type { Lang } from "@lib/messages"
import { journeyMessages } from "@lib/messages-journeys"

/** An approver delegates one of their roles to a colleague for a period (POST /store/delegations). */
export function DelegationForm({
  lang,
  people,
  roles,
  today,
}: {
  lang: Lang
  people: { id: string; name: string }[]
  roles: { code: string; label: string }[]
  today: string
}) {
  const m = journeyMessages(lang)
  const [result, action] = useFormState<FormResult, FormData>(createDelegationAction, { state: "idle" })
  const id = useId().replace(/:/g, "")
  const err = (name: string) => (result.state === "error" ? result.fields?.[name] : undefined)
  const errorOf = (name: string) =>
    err(name) ? (
      <span className="field-error" id={`${id}-${name}-error`}>
        {err(name)}
      </span>
    ) : null
  const aria = (name: string) => ({
    "aria-invalid": !!err(name),
    "aria-describedby": err(name) ? `${id}-${name}-error` : undefined,
  })
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid="delegation-panel">
      <h2 id={`${id}-h`}>{m.delegations.giveHeading}</h2>
      <form action={action} className="form" noValidate>
        <FormMessage result={result} testId="delegation" />
        <div className="field">
          <label htmlFor={`${id}-delegate`}>{m.delegations.delegate}</label>
          <select
            id={`${id}-delegate`}
            name="delegate_person_id"
            defaultValue=""
            {...aria("delegate_person_id")}
            data-testid="delegation-delegate"
          >
            <option value="">{m.delegations.chooseDelegate}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {errorOf("delegate_person_id")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{m.delegations.role}</label>
          <select id={`${id}-role`} name="role" defaultValue={roles[0]?.code ?? ""} {...aria("role")} data-testid="delegation-role">
            {roles.map((r) => (
              <option key={r.code} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
          {errorOf("role")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-starts`}>{m.delegations.starts}</label>
          <input
            id={`${id}-starts`}
            name="starts_at"
            type="date"
            min={today}
            defaultValue={today}
            {...aria("starts_at")}
            data-testid="delegation-starts"
          />
          {errorOf("starts_at")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-ends`}>{m.delegations.ends}</label>
          <input id={`${id}-ends`} name="ends_at" type="date" min={today} {...aria("ends_at")} data-testid="delegation-ends" />
          {errorOf("ends_at")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{m.delegations.reason}</label>
          <input id={`${id}-reason`} name="reason" maxLength={500} autoComplete="off" data-testid="delegation-reason" />
        </div>
        <SubmitButton label={m.delegations.give} pending={m.delegations.giving} testId="delegation-submit" />
      </form>
    </section>
  )
}
