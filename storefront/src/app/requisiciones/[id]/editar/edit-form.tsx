"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../../components/forms"
import type { FormResult } from "@lib/actions/purchasing"
import { editRequisitionAction } from "@lib/actions/requisition-edit"
import type { Lang } from "@lib/messages"
import { journeyMessages } from "@lib/messages-journeys"

type Line = { id: string; name: string; quantity: number }

/** The correction form of a returned requisition (editRequisitionAction). */
export function EditRequisitionForm({
  lang,
  requisitionId,
  justification,
  deliveryPlace,
  deliveryDate,
  lines,
}: {
  lang: Lang
  requisitionId: string
  justification: string
  deliveryPlace: string
  deliveryDate: string
  lines: Line[]
}) {
  const m = journeyMessages(lang)
  const [result, action] = useFormState<FormResult, FormData>(editRequisitionAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const id = useId().replace(/:/g, "")
  const err = (name: string) => (result.state === "error" ? result.fields?.[name] : undefined)
  const described = (name: string, hint?: string) => (err(name) ? `${id}-${name}-error` : hint)
  const errorOf = (name: string) =>
    err(name) ? (
      <span className="field-error" id={`${id}-${name}-error`} data-testid={`edit-${name}-error`}>
        {err(name)}
      </span>
    ) : null
  return (
    <form action={action} className="form wide" noValidate data-testid="edit-form">
      <input type="hidden" name="requisition_id" value={requisitionId} />
      <input type="hidden" name="form_key" value={attempt} />
      <FormMessage result={result} testId="edit" />
      {lines.map((l) => {
        const name = `quantity_${l.id}`
        return (
          <div className="field qty-line" key={l.id}>
            <label htmlFor={`${id}-${name}`}>{m.edit.quantity(l.name)}</label>
            <input
              id={`${id}-${name}`}
              name={name}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              defaultValue={l.quantity}
              aria-invalid={!!err(name)}
              aria-describedby={described(name, `${id}-${name}-hint`)}
              data-testid="edit-quantity"
            />
            <span className="hint" id={`${id}-${name}-hint`}>
              {m.edit.remove}
            </span>
            {errorOf(name)}
          </div>
        )
      })}
      <div className="field">
        <label htmlFor={`${id}-justification`}>Justificación</label>
        <textarea
          id={`${id}-justification`}
          name="justification"
          rows={4}
          maxLength={4000}
          defaultValue={justification}
          aria-invalid={!!err("justification")}
          aria-describedby={described("justification")}
          data-testid="edit-justification"
        />
        {errorOf("justification")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>Lugar de entrega</label>
        <input
          id={`${id}-place`}
          name="delivery_place"
          maxLength={300}
          defaultValue={deliveryPlace}
          aria-invalid={!!err("delivery_place")}
          aria-describedby={described("delivery_place")}
          data-testid="edit-place"
        />
        {errorOf("delivery_place")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Fecha de entrega</label>
        <input
          id={`${id}-date`}
          name="delivery_date"
          type="date"
          defaultValue={deliveryDate}
          aria-invalid={!!err("delivery_date")}
          aria-describedby={described("delivery_date")}
          data-testid="edit-date"
        />
        {errorOf("delivery_date")}
      </div>
      <SubmitButton label={m.edit.save} pending={m.edit.saving} testId="edit-submit" />
    </form>
  )
}
