"use client"

import { useId, useState } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../components/forms"
import { createRequisitionAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

export type UnitOption = { id: string; label: string }
export type KeyOption = {
  id: string
  unit_id: string | null
  label: string
  /** Today's disponible, es-MX currency, and whether it covers the cart's estimated total. */
  disponible: string
  partida: string
  covers: boolean
}

/** A labelled field with its hint and, after a refusal, its own error (announced with the field). */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: React.ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`} data-testid={`${id.split("-").pop()}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  )
}

export function RequisitionForm({
  lang,
  units,
  keys,
  partidas,
  today,
}: {
  lang: Lang
  units: UnitOption[]
  keys: KeyOption[]
  partidas: string[]
  today: string
}) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(createRequisitionAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const uid = useId().replace(/:/g, "")
  const f = (name: string) => `${uid}-${name}`
  const errors = result.state === "error" ? (result.fields ?? {}) : {}
  const [keyId, setKeyId] = useState(keys.length === 1 ? keys[0].id : "")
  const chosen = keys.find((k) => k.id === keyId)
  const described = (name: string, hint = false) =>
    [hint ? `${f(name)}-hint` : "", errors[name] ? `${f(name)}-error` : ""].filter(Boolean).join(" ") || undefined
  return (
    <form action={action} className="form wide" data-testid="requisition-form" noValidate>
      <input type="hidden" name="form_key" value={attempt} />
      <FormMessage result={result} testId="requisition" />
      <Field id={f("unit_id")} label={m.form.unit} hint={m.form.unitHint} error={errors.unit_id}>
        <select
          id={f("unit_id")}
          name="unit_id"
          defaultValue={units.length === 1 ? units[0].id : ""}
          required
          aria-invalid={!!errors.unit_id}
          aria-describedby={described("unit_id", true)}
          data-testid="requisition-unit"
        >
          {units.length > 1 ? <option value="">—</option> : null}
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.label}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id={f("budget_key_id")}
        label={m.form.budgetKey}
        hint={partidas.length ? m.form.budgetKeyHint(partidas.join(", ")) : undefined}
        error={errors.budget_key_id}
      >
        {keys.length === 0 ? (
          <p className="alert" role="alert" data-testid="requisition-no-keys">
            {m.form.noKeys}
          </p>
        ) : (
          <select
            id={f("budget_key_id")}
            name="budget_key_id"
            value={keyId}
            onChange={(e) => setKeyId(e.target.value)}
            required
            aria-invalid={!!errors.budget_key_id}
            aria-describedby={[described("budget_key_id", partidas.length > 0), `${f("budget_key_id")}-available`]
              .filter(Boolean)
              .join(" ")}
            data-testid="requisition-budget-key"
          >
            {keys.length > 1 ? <option value="">—</option> : null}
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </select>
        )}
        <span
          id={`${f("budget_key_id")}-available`}
          aria-live="polite"
          className={chosen && !chosen.covers ? "field-error" : "hint"}
          data-testid="requisition-available"
        >
          {chosen ? m.form.available(chosen.disponible, chosen.partida, chosen.covers) : ""}
        </span>
      </Field>
      <Field id={f("justification")} label={m.form.justification} hint={m.form.justificationHint} error={errors.justification}>
        <textarea
          id={f("justification")}
          name="justification"
          rows={4}
          minLength={10}
          maxLength={4000}
          required
          aria-invalid={!!errors.justification}
          aria-describedby={described("justification", true)}
          data-testid="requisition-justification"
        />
      </Field>
      <fieldset className="fieldset">
        <legend>{m.form.deliveryHeading}</legend>
        <Field id={f("delivery_place")} label={m.form.place} hint={m.form.placeHint} error={errors.delivery_place}>
          <input
            id={f("delivery_place")}
            name="delivery_place"
            minLength={3}
            maxLength={300}
            required
            autoComplete="off"
            aria-invalid={!!errors.delivery_place}
            aria-describedby={described("delivery_place", true)}
            data-testid="requisition-place"
          />
        </Field>
        <Field id={f("delivery_date")} label={m.form.date} error={errors.delivery_date}>
          <input
            id={f("delivery_date")}
            name="delivery_date"
            type="date"
            min={today}
            required
            aria-invalid={!!errors.delivery_date}
            aria-describedby={described("delivery_date")}
            data-testid="requisition-date"
          />
        </Field>
        <details className="address" open={!!errors.address}>
          <summary>{m.form.address}</summary>
          {errors.address ? (
            <p className="field-error" id={f("address-error")} data-testid="address-error">
              {errors.address}
            </p>
          ) : null}
          <div className="address-grid">
            {(
              [
                ["street", m.form.street, "street-address"],
                ["colonia", m.form.colonia, "address-level3"],
                ["municipio", m.form.municipio, "address-level2"],
                ["estado", m.form.estado, "address-level1"],
                ["codigo_postal", m.form.cp, "postal-code"],
              ] as const
            ).map(([key, label, auto]) => (
              <div className="field" key={key}>
                <label htmlFor={f(`address_${key}`)}>{label}</label>
                <input
                  id={f(`address_${key}`)}
                  name={`address_${key}`}
                  autoComplete={auto}
                  inputMode={key === "codigo_postal" ? "numeric" : undefined}
                  maxLength={key === "codigo_postal" ? 5 : 200}
                  aria-invalid={!!errors.address}
                  aria-describedby={errors.address ? f("address-error") : undefined}
                  data-testid={`requisition-address-${key}`}
                />
              </div>
            ))}
          </div>
        </details>
      </fieldset>
      <SubmitButton label={m.form.submit} pending={m.form.submitting} testId="requisition-submit" />
    </form>
  )
}
