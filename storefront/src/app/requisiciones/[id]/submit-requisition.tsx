"use client"

import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../components/forms"
import { submitRequisitionAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** "Enviar a aprobación" for the requester of a draft or returned requisition (reserves the budget). */
export function SubmitRequisition({ lang, requisitionId }: { lang: Lang; requisitionId: string }) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(submitRequisitionAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  return (
    <form action={action} className="panel" data-testid="submit-requisition">
      <input type="hidden" name="requisition_id" value={requisitionId} />
      <input type="hidden" name="form_key" value={attempt} />
      <p className="muted">{m.detail.sendHint}</p>
      <FormMessage result={result} testId="submit-requisition" />
      <SubmitButton label={m.detail.send} pending={m.form.submitting} testId="submit-requisition-button" />
    </form>
  )
}
