"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../../../components/forms"
import { askQuestionAction, submitBidAction, type BidResult } from "@lib/actions/competitions"
import type { FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/**
 * The supplier's sealed bid: a unit price per line and the delivery days
 * (POST /supplier/competitions/:id/bid). On success shows the commitment and
 * the nonce the API answered, for the supplier to keep.
 */
export function BidForm({
  lang,
  competitionId,
  lines,
  replacing,
}: {
  lang: Lang
  competitionId: string
  lines: { id: string; item_name: string; ceiling_price: string }[]
  replacing: boolean
}) {
  const m = messages(lang).competitions
  const [result, action] = useFormState<BidResult, FormData>(submitBidAction, { state: "idle" })
  const id = useId().replace(/:/g, "")
  const fieldError = (name: string) => (result.state === "error" ? result.fields?.[name] : undefined)
  const daysError = fieldError("delivery_days")
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid="bid-panel">
      <h2 id={`${id}-h`}>{m.bidHeading}</h2>
      <p className="muted">{m.bidIntro}</p>
      <form action={action} className="form" noValidate>
        <input type="hidden" name="competition_id" value={competitionId} />
        {result.state === "sealed" ? (
          <div className="success" role="status" data-testid="bid-sealed">
            <p>{result.message}</p>
            <p>
              {m.commitment}: <code data-testid="bid-commitment">{result.commitment}</code>
            </p>
            <p>
              {m.nonce}: <code data-testid="bid-nonce">{result.nonce}</code>
            </p>
          </div>
        ) : (
          <FormMessage result={result as FormResult} testId="bid" />
        )}
        {lines.map((l) => {
          const name = `price_${l.id}`
          const err = fieldError(name)
          return (
            <div className="field" key={l.id}>
              <input type="hidden" name="line" value={l.id} />
              <label htmlFor={`${id}-${name}`}>
                {m.unitPrice(l.item_name)} (≤ {l.ceiling_price})
              </label>
              <input
                id={`${id}-${name}`}
                name={name}
                inputMode="decimal"
                autoComplete="off"
                aria-invalid={!!err}
                aria-describedby={err ? `${id}-${name}-error` : undefined}
                data-testid="bid-price"
              />
              {err ? (
                <span className="field-error" id={`${id}-${name}-error`}>
                  {err}
                </span>
              ) : null}
            </div>
          )
        })}
        <div className="field">
          <label htmlFor={`${id}-days`}>{m.deliveryDays}</label>
          <input
            id={`${id}-days`}
            name="delivery_days"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={!!daysError}
            aria-describedby={daysError ? `${id}-days-error` : undefined}
            data-testid="bid-days"
          />
          {daysError ? (
            <span className="field-error" id={`${id}-days-error`}>
              {daysError}
            </span>
          ) : null}
        </div>
        <SubmitButton testId="bid-submit" label={replacing ? m.replaceBid : m.sendBid} pending={m.sending} />
      </form>
    </section>
  )
}

/** An invited supplier asks a question during the bidding window; every invitee sees it, anonymised. */
export function AskForm({ lang, competitionId }: { lang: Lang; competitionId: string }) {
  const m = messages(lang).competitions
  const [result, action] = useFormState<FormResult, FormData>(askQuestionAction, { state: "idle" })
  const id = useId().replace(/:/g, "")
  const err = result.state === "error" ? result.fields?.question : undefined
  return (
    <form action={action} className="form" noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{m.askHeading}</h3>
      <input type="hidden" name="competition_id" value={competitionId} />
      <FormMessage result={result} testId="ask" />
      <div className="field">
        <label htmlFor={`${id}-q`}>{m.question}</label>
        <textarea
          id={`${id}-q`}
          name="question"
          rows={3}
          maxLength={5000}
          aria-invalid={!!err}
          aria-describedby={err ? `${id}-q-error` : undefined}
          data-testid="ask-question"
        />
        {err ? (
          <span className="field-error" id={`${id}-q-error`}>
            {err}
          </span>
        ) : null}
      </div>
      <SubmitButton testId="ask-submit" label={m.ask} pending={m.sending} />
    </form>
  )
}
