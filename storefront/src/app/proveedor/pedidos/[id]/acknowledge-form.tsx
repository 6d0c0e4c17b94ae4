"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../../components/forms"
import { acknowledgeOrderAction } from "@lib/actions/invoicing"
import type { FormResult } from "@lib/actions/purchasing"
import type { Lang } from "@lib/messages"
import { journeyMessages } from "@lib/messages-journeys"

/** The supplier acknowledges the order and promises a delivery date (POST /supplier/orders/:id/acknowledge). */
export function AcknowledgeForm({ lang, orderId, minDate }: { lang: Lang; orderId: string; minDate: string }) {
  const m = journeyMessages(lang)
  const [result, action] = useFormState<FormResult, FormData>(acknowledgeOrderAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const id = useId().replace(/:/g, "")
  const dateError = result.state === "error" ? result.fields?.promised_delivery_date : undefined
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid="ack-panel">
      <h2 id={`${id}-h`}>{m.ack.heading}</h2>
      <p className="muted">{m.ack.intro}</p>
      <form action={action} className="form" noValidate>
        <input type="hidden" name="order_id" value={orderId} />
        <input type="hidden" name="form_key" value={attempt} />
        <FormMessage result={result} testId="ack" />
        {result.state === "ok" ? null : (
          <>
            <div className="field">
              <label htmlFor={`${id}-date`}>{m.ack.date}</label>
              <input
                id={`${id}-date`}
                name="promised_delivery_date"
                type="date"
                min={minDate}
                required
                aria-invalid={!!dateError}
                aria-describedby={dateError ? `${id}-date-error` : undefined}
                data-testid="ack-date"
              />
              {dateError ? (
                <span className="field-error" id={`${id}-date-error`} data-testid="ack-date-error">
                  {dateError}
                </span>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor={`${id}-note`}>{m.ack.note}</label>
              <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} data-testid="ack-note" />
            </div>
            <SubmitButton label={m.ack.submit} pending={m.ack.sending} testId="ack-submit" />
          </>
        )}
      </form>
    </section>
  )
}
