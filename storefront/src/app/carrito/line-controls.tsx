"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../components/forms"
import { changeCartLineAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** Change a cart line's quantity or remove it; the API's refusal (e.g. a sanctioned supplier) shows here. */
export function CartLineControls({ lang, lineId, quantity, name }: { lang: Lang; lineId: string; quantity: number; name: string }) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(changeCartLineAction, { state: "idle" })
  const id = useId()
  return (
    <form action={action} className="cart-line-controls">
      <input type="hidden" name="line_id" value={lineId} />
      <label className="field qty" htmlFor={`${id}-qty`}>
        <span>{m.cart.quantity}</span>
        <input
          id={`${id}-qty`}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          defaultValue={quantity}
          aria-label={m.cart.quantityLabel(name)}
          data-testid="cart-line-quantity"
        />
      </label>
      <div className="cart-line-buttons">
        <SubmitButton
          label={m.cart.update}
          pending={m.common.loading}
          className="button"
          name="intent"
          value="update"
          testId="cart-line-update"
        />
        <SubmitButton
          label={m.cart.remove}
          pending={m.common.loading}
          className="button danger"
          name="intent"
          value="remove"
          ariaLabel={m.cart.removeLabel(name)}
          testId="cart-line-remove"
        />
      </div>
      <FormMessage result={result} testId="cart-line" />
    </form>
  )
}
