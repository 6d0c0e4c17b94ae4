"use client"

import Link from "next/link"
import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../../components/forms"
import { addToCartAction, type FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** Quantity (at least the offer's minimum) and "Agregar al carrito" for one offer. */
export function AddToCart({
  lang,
  variantId,
  itemName,
  supplier,
  minQty,
}: {
  lang: Lang
  variantId: string
  itemName: string
  supplier: string
  minQty: number
}) {
  const m = messages(lang)
  const [result, action] = useFormState<FormResult, FormData>(addToCartAction, { state: "idle" })
  const id = useId()
  return (
    <form action={action} className="add-to-cart" data-testid="add-to-cart">
      <input type="hidden" name="variant_id" value={variantId} />
      <input type="hidden" name="item_name" value={itemName} />
      <div className="add-row">
        <label className="field qty" htmlFor={`${id}-qty`}>
          <span>
            {m.item.quantity} <span className="muted">({m.item.quantityHint(minQty)})</span>
          </span>
          <input
            id={`${id}-qty`}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={Math.max(1, minQty)}
            step={1}
            defaultValue={Math.max(1, minQty)}
            required
            data-testid="offer-quantity"
          />
        </label>
        <SubmitButton label={m.item.add} pending={m.item.adding} testId="offer-add" ariaLabel={`${m.item.add}: ${supplier}`} />
      </div>
      <FormMessage result={result} testId="add-to-cart" />
      {result.state === "ok" ? (
        <p>
          <Link href="/carrito" className="button" data-testid="go-to-cart">
            {m.item.goToCart}
          </Link>
        </p>
      ) : null}
    </form>
  )
}
