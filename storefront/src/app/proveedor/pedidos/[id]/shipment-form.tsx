"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton, useAttemptKey } from "../../../../components/forms"
import { recordShipmentAction } from "@lib/actions/delivery"
import type { FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** The supplier records a shipment: delivery note and units per contract line (POST /supplier/orders/:id/shipments). */
export function ShipmentForm({
  lang,
  orderId,
  lines,
}: {
  lang: Lang
  orderId: string
  lines: { contract_line: number; title: string; quantity: number }[]
}) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(recordShipmentAction, { state: "idle" })
  const attempt = useAttemptKey(result)
  const id = useId().replace(/:/g, "")
  const fieldError = (name: string) => (result.state === "error" ? result.fields?.[name] : undefined)
  const noteError = fieldError("delivery_note")
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid="shipment-panel">
      <h2 id={`${id}-h`}>{m.supplierOrders.shipHeading}</h2>
      <p className="muted">{m.supplierOrders.shipIntro}</p>
      <form action={action} className="form" noValidate>
        <input type="hidden" name="order_id" value={orderId} />
        <input type="hidden" name="form_key" value={attempt} />
        <FormMessage result={result} testId="shipment" />
        <div className="field">
          <label htmlFor={`${id}-note`}>{m.supplierOrders.deliveryNote}</label>
          <input
            id={`${id}-note`}
            name="delivery_note"
            maxLength={120}
            autoComplete="off"
            aria-invalid={!!noteError}
            aria-describedby={noteError ? `${id}-note-error` : undefined}
            data-testid="shipment-note"
          />
          {noteError ? (
            <span className="field-error" id={`${id}-note-error`} data-testid="shipment-note-error">
              {noteError}
            </span>
          ) : null}
        </div>
        {lines.map((l) => {
          const name = `quantity_${l.contract_line}`
          const err = fieldError(name)
          return (
            <div className="field" key={l.contract_line}>
              <input type="hidden" name="line" value={l.contract_line} />
              <label htmlFor={`${id}-${name}`}>
                {m.supplierOrders.quantity(`${m.supplierOrders.line} ${l.contract_line}, ${l.title}`)}
              </label>
              <input
                id={`${id}-${name}`}
                name={name}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                defaultValue={0}
                aria-invalid={!!err}
                aria-describedby={err ? `${id}-${name}-error` : `${id}-${name}-hint`}
                data-testid={`shipment-quantity-${l.contract_line}`}
              />
              <span className="muted" id={`${id}-${name}-hint`}>
                {m.supplierOrders.ordered}: {m.common.units(l.quantity)}
              </span>
              {err ? (
                <span className="field-error" id={`${id}-${name}-error`}>
                  {err}
                </span>
              ) : null}
            </div>
          )
        })}
        <SubmitButton label={m.supplierOrders.ship} pending={m.supplierOrders.shipping} testId="shipment-submit" />
      </form>
    </section>
  )
}
