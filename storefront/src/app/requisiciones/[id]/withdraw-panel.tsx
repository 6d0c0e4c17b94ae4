"use client"

import { useEffect, useId, useRef, useState } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../components/forms"
import { withdrawAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** The requester withdraws the requisition (reason required) after confirming in a modal dialog. */
export function WithdrawPanel({ lang, requisitionId, number }: { lang: Lang; requisitionId: string; number: string }) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(withdrawAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const [reasonError, setReasonError] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const reason = useRef<HTMLTextAreaElement>(null)
  const id = useId().replace(/:/g, "")

  useEffect(() => {
    if (result.state === "error") {
      dialog.current?.close()
    }
  }, [result])

  function ask() {
    if ((reason.current?.value.trim().length ?? 0) < 5) {
      setReasonError(m.withdraw.reasonRequired)
      reason.current?.focus()
      return
    }
    setReasonError(null)
    dialog.current?.showModal()
  }

  const shownError = reasonError ?? (result.state === "error" ? result.fields?.reason : undefined)
  return (
    <details className="panel withdraw" data-testid="withdraw-panel">
      <summary>{m.withdraw.heading}</summary>
      <form action={action} className="form">
        <input type="hidden" name="requisition_id" value={requisitionId} />
        <input type="hidden" name="form_key" value={attempt} />
        <p className="muted">{m.withdraw.intro}</p>
        <FormMessage result={result} testId="withdraw" />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{m.withdraw.reason}</label>
          <textarea
            id={`${id}-reason`}
            ref={reason}
            name="reason"
            rows={2}
            maxLength={2000}
            aria-invalid={!!shownError}
            aria-describedby={shownError ? `${id}-error` : undefined}
            data-testid="withdraw-reason"
          />
          {shownError ? (
            <span className="field-error" id={`${id}-error`} role="alert" data-testid="withdraw-reason-error">
              {shownError}
            </span>
          ) : null}
        </div>
        <div className="decision-buttons">
          <button type="button" className="button danger" onClick={ask} data-testid="withdraw-ask">
            {m.withdraw.button}
          </button>
        </div>
        <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-dt`} aria-describedby={`${id}-dd`} data-testid="withdraw-dialog">
          <h3 id={`${id}-dt`}>{m.withdraw.confirmTitle}</h3>
          <p id={`${id}-dd`}>
            <strong>{number}</strong> · {m.withdraw.confirmBody}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              {m.common.cancel}
            </button>
            <SubmitButton
              label={m.withdraw.confirm}
              pending={m.withdraw.sending}
              className="button danger-solid"
              testId="withdraw-confirm"
            />
          </div>
        </dialog>
      </form>
    </details>
  )
}
