"use client"

import { useEffect, useId, useRef, useState } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../components/forms"
import { decideAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

type Decision = "approve" | "reject" | "return"

/**
 * Approve, reject or return the step that is mine, with a reason (required
 * to reject or return) and a confirmation dialog (the native modal <dialog>:
 * it traps focus, Escape cancels, focus returns to the button that opened it).
 */
export function DecisionPanel({
  lang,
  requisitionId,
  number,
  stepLabel,
}: {
  lang: Lang
  requisitionId: string
  number: string
  stepLabel: string
}) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(decideAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const [decision, setDecision] = useState<Decision>("approve")
  const [reasonError, setReasonError] = useState<string | null>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const reason = useRef<HTMLTextAreaElement>(null)
  const id = useId().replace(/:/g, "")

  useEffect(() => {
    if (result.state === "error") {
      dialog.current?.close()
    }
  }, [result])

  function ask(d: Decision) {
    if (d !== "approve" && !reason.current?.value.trim()) {
      setReasonError(m.decision.reasonRequired)
      reason.current?.focus()
      return
    }
    setReasonError(null)
    setDecision(d)
    dialog.current?.showModal()
  }

  const serverReasonError = result.state === "error" ? result.fields?.reason : undefined
  const shownReasonError = reasonError ?? serverReasonError
  return (
    <section aria-labelledby={`${id}-h`} className="panel decision" data-testid="decision-panel">
      <h2 id={`${id}-h`}>{m.decision.heading}</h2>
      <p className="muted">{stepLabel}</p>
      <form action={action} className="form">
        <input type="hidden" name="requisition_id" value={requisitionId} />
        <input type="hidden" name="decision" value={decision} />
        <input type="hidden" name="form_key" value={attempt} />
        <FormMessage result={result} testId="decision" />
        <div className="field">
          <label htmlFor={`${id}-reason`}>{m.decision.reason}</label>
          <span className="hint" id={`${id}-hint`}>
            {m.decision.reasonHint}
          </span>
          <textarea
            id={`${id}-reason`}
            ref={reason}
            name="reason"
            rows={3}
            maxLength={2000}
            aria-invalid={!!shownReasonError}
            aria-describedby={`${id}-hint${shownReasonError ? ` ${id}-reason-error` : ""}`}
            data-testid="decision-reason"
          />
          {shownReasonError ? (
            <span className="field-error" id={`${id}-reason-error`} role="alert" data-testid="decision-reason-error">
              {shownReasonError}
            </span>
          ) : null}
        </div>
        <div className="decision-buttons">
          <button type="button" className="button primary" onClick={() => ask("approve")} data-testid="decide-approve">
            {m.decision.approve}
          </button>
          <button type="button" className="button" onClick={() => ask("return")} data-testid="decide-return">
            {m.decision.return}
          </button>
          <button type="button" className="button danger" onClick={() => ask("reject")} data-testid="decide-reject">
            {m.decision.reject}
          </button>
        </div>
        <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-dt`} aria-describedby={`${id}-dd`} data-testid="decision-dialog">
          <h3 id={`${id}-dt`}>{m.decision.confirmTitle[decision]}</h3>
          <p id={`${id}-dd`}>
            <strong>{number}</strong> · {m.decision.confirmBody[decision]}
          </p>
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={() => dialog.current?.close()} data-testid="decision-cancel">
              {m.common.cancel}
            </button>
            <SubmitButton
              label={m.decision.confirm[decision]}
              pending={m.decision.sending}
              className={decision === "reject" ? "button danger-solid" : "button primary"}
              testId="decision-confirm"
            />
          </div>
        </dialog>
      </form>
    </section>
  )
}
