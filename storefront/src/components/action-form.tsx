"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import type { FormResult } from "@lib/actions/purchasing"
import { FormMessage, SubmitButton } from "./forms"

/**
 * A small form around one server action: hidden fields, an optional text
 * field and a button; the action's refusal (Spanish message and code) or
 * success line appears above it. Used for one-step operations (match again,
 * confirm a payment, revoke a delegation).
 */
export function ActionForm({
  action,
  hidden,
  label,
  ariaLabel,
  pending,
  testId,
  input,
  className = "button",
}: {
  action: (prev: FormResult, form: FormData) => Promise<FormResult>
  hidden: Record<string, string>
  label: string
  ariaLabel?: string
  pending: string
  testId: string
  input?: { name: string; label: string; required?: boolean; minLength?: number; maxLength?: number }
  className?: string
}) {
  const [result, run] = useFormState<FormResult, FormData>(action, { state: "idle" })
  const id = useId().replace(/:/g, "")
  const fieldError = input && result.state === "error" ? result.fields?.[input.name] : undefined
  return (
    <form action={run} className="form inline-form" noValidate data-testid={testId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage result={result} testId={testId} />
      {input && result.state !== "ok" ? (
        <div className="field">
          <label htmlFor={`${id}-in`}>{input.label}</label>
          <input
            id={`${id}-in`}
            name={input.name}
            maxLength={input.maxLength ?? 200}
            autoComplete="off"
            aria-invalid={!!fieldError}
            aria-describedby={fieldError ? `${id}-in-error` : undefined}
            data-testid={`${testId}-input`}
          />
          {fieldError ? (
            <span className="field-error" id={`${id}-in-error`}>
              {fieldError}
            </span>
          ) : null}
        </div>
      ) : null}
      {result.state === "ok" ? null : (
        <SubmitButton label={label} ariaLabel={ariaLabel} pending={pending} className={className} testId={`${testId}-submit`} />
      )}
    </form>
  )
}
