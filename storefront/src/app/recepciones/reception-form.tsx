"use client"

import { useId, useState } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../components/forms"
import { recordReceptionAction } from "@lib/actions/delivery"
import type { FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

type Line = { contract_line: number; description: string; quantity: number }
type Choice = "full" | "partial" | "rejected"

/**
 * The Reception Manager judges each shipped line: full (every unit
 * accepted), partial (how many accepted; the rest rejected) or rejected,
 * with notes (required when units are rejected) → POST /store/receptions.
 */
export function ReceptionForm({
  lang,
  shipmentId,
  deliveryNote,
  lines,
}: {
  lang: Lang
  shipmentId: string
  deliveryNote: string
  lines: Line[]
}) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(recordReceptionAction, { state: "idle" })
  const [choice, setChoice] = useState<Record<number, Choice>>({})
  const [accepted, setAccepted] = useState<Record<number, string>>({})
  const id = useId().replace(/:/g, "")
  const fieldError = (name: string) => (result.state === "error" ? result.fields?.[name] : undefined)
  if (result.state === "ok") {
    return <FormMessage result={result} testId="reception" />
  }
  return (
    <form action={action} className="form" noValidate data-testid="reception-form" data-note={deliveryNote}>
      <input type="hidden" name="shipment_id" value={shipmentId} />
      <FormMessage result={result} testId="reception" />
      {lines.map((l) => {
        const c = choice[l.contract_line] ?? "full"
        const typed = accepted[l.contract_line] ?? ""
        const acc = c === "full" ? l.quantity : c === "rejected" ? 0 : /^\d+$/.test(typed) ? Number(typed) : -1
        const qtyError = fieldError(`accepted_${l.contract_line}`)
        const notesError = fieldError(`notes_${l.contract_line}`)
        const base = `${id}-${l.contract_line}`
        return (
          <fieldset key={l.contract_line} className="fieldset" data-testid={`reception-line-${l.contract_line}`}>
            <legend>{m.receptions.lineHeading(l.contract_line, l.description)}</legend>
            <input type="hidden" name="line" value={l.contract_line} />
            <input type="hidden" name={`shipped_${l.contract_line}`} value={l.quantity} />
            <p className="muted">
              {m.receptions.shippedQty}: {m.common.units(l.quantity)}
            </p>
            <div role="radiogroup" aria-label={m.receptions.outcome} className="choices">
              {(["full", "partial", "rejected"] as Choice[]).map((option) => (
                <label key={option} className="choice">
                  <input
                    type="radio"
                    name={`outcome_${l.contract_line}`}
                    value={option}
                    checked={c === option}
                    onChange={() => setChoice({ ...choice, [l.contract_line]: option })}
                    data-testid={`reception-${option}-${l.contract_line}`}
                  />{" "}
                  {m.receptions[option]}
                </label>
              ))}
            </div>
            {c === "partial" ? (
              <div className="field">
                <label htmlFor={`${base}-acc`}>{m.receptions.accepted}</label>
                <input
                  id={`${base}-acc`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={l.quantity}
                  step={1}
                  value={typed}
                  onChange={(e) => setAccepted({ ...accepted, [l.contract_line]: e.target.value })}
                  aria-invalid={!!qtyError}
                  aria-describedby={qtyError ? `${base}-acc-error` : undefined}
                  data-testid={`reception-accepted-${l.contract_line}`}
                />
                {qtyError ? (
                  <span className="field-error" id={`${base}-acc-error`}>
                    {qtyError}
                  </span>
                ) : null}
              </div>
            ) : null}
            <input type="hidden" name={`accepted_${l.contract_line}`} value={acc < 0 ? "" : acc} />
            <input type="hidden" name={`rejected_${l.contract_line}`} value={acc < 0 || acc > l.quantity ? "" : l.quantity - acc} />
            <div className="field">
              <label htmlFor={`${base}-notes`}>{m.receptions.lineNotes}</label>
              <textarea
                id={`${base}-notes`}
                name={`notes_${l.contract_line}`}
                rows={2}
                maxLength={2000}
                aria-invalid={!!notesError}
                aria-describedby={notesError ? `${base}-notes-error` : undefined}
                data-testid={`reception-notes-${l.contract_line}`}
              />
              {notesError ? (
                <span className="field-error" id={`${base}-notes-error`} data-testid={`reception-notes-error-${l.contract_line}`}>
                  {notesError}
                </span>
              ) : null}
            </div>
          </fieldset>
        )
      })}
      <div className="field">
        <label htmlFor={`${id}-notes`}>{m.receptions.notes}</label>
        <textarea id={`${id}-notes`} name="notes" rows={2} maxLength={2000} data-testid="reception-notes" />
      </div>
      <SubmitButton
        label={m.receptions.submit}
        ariaLabel={`${m.receptions.submit}: ${m.receptions.deliveryNote} ${deliveryNote}`}
        pending={m.receptions.sending}
        testId="reception-submit"
      />
    </form>
  )
}
