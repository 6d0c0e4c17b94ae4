"use client"

import { useEffect, useMemo, useRef } from "react"
import { useFormStatus } from "react-dom"
import type { FormResult } from "@lib/actions/purchasing"

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({
  label,
  pending: pendingLabel,
  className = "button primary",
  testId,
  name,
  value,
  ariaLabel,
}: {
  label: string
  /** A longer accessible name that starts with the visible label (e.g. which offer it adds). */
  ariaLabel?: string
  pending: string
  className?: string
  testId?: string
  name?: string
  value?: string
}) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      className={className}
      disabled={pending}
      aria-disabled={pending}
      aria-label={pending ? undefined : ariaLabel}
      data-testid={testId}
      name={name}
      value={value}
    >
      {pending ? pendingLabel : label}
    </button>
  )
}

/**
 * The result of a form's action: the API's Spanish message and its code on
 * a refusal (focused, so a keyboard or screen-reader user hears it at once),
 * a success line otherwise.
 */
export function FormMessage({ result, testId }: { result: FormResult; testId: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (result.state !== "idle") {
      ref.current?.focus()
    }
  }, [result])
  if (result.state === "idle") {
    return null
  }
  if (result.state === "ok") {
    return (
      <div className="success" role="status" tabIndex={-1} ref={ref} data-testid={`${testId}-ok`}>
        <p>{result.message}</p>
      </div>
    )
  }
  return (
    <div className="alert" role="alert" tabIndex={-1} ref={ref} data-testid={`${testId}-error`}>
      <p>{result.message}</p>
      <p className="code">
        Código: <code data-testid={`${testId}-error-code`}>{result.code}</code>
      </p>
    </div>
  )
}

/** A fresh idempotency key per attempt: a retry of the same attempt replays, a corrected one acts. */
export function useAttemptKey(result: FormResult): string {
  return useMemo(
    () =>
      typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`.replace(/\./g, ""),
    [result],
  )
}
