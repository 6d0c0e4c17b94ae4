"use client"

import { useId } from "react"
import { useFormState } from "react-dom"
import { FormMessage, SubmitButton } from "../../../components/forms"
import { submitComplementAction, submitInvoiceAction, type CfdiFormResult } from "@lib/actions/invoicing"
import type { Lang } from "@lib/messages"
import { journeyMessages } from "@lib/messages-journeys"

/**
 * Upload of a CFDI's XML: an invoice for one of my orders (POST
 * /supplier/invoices) or the complemento de pago of a paid PPD invoice
 * (POST /supplier/invoices/:id/payment-complement). A refusal lists every
 * rule the CFDI fails, field by field, as the API found them.
 */
export function CfdiForm({
  lang,
  kind,
  orders = [],
  selectedOrder,
  invoiceId,
}: {
  lang: Lang
  kind: "invoice" | "complement"
  orders?: { id: string; label: string }[]
  selectedOrder?: string
  invoiceId?: string
}) {
  const m = journeyMessages(lang)
  const [result, action] = useFormState<CfdiFormResult, FormData>(kind === "invoice" ? submitInvoiceAction : submitComplementAction, {
    state: "idle",
  })
  const id = useId().replace(/:/g, "")
  const fieldError = (name: string) => (result.state === "error" && "fields" in result ? result.fields?.[name] : undefined)
  const failures = result.state === "error" && "failures" in result ? result.failures : []
  const orderError = fieldError("order_id")
  const xmlError = fieldError("xml")
  const test = kind === "invoice" ? "cfdi" : "complement"
  return (
    <section aria-labelledby={`${id}-h`} className="panel" data-testid={`${test}-panel`}>
      <h2 id={`${id}-h`}>{kind === "invoice" ? m.invoices.uploadHeading : m.invoices.complementHeading}</h2>
      {kind === "complement" ? <p className="muted">{m.invoices.complementIntro}</p> : null}
      <form action={action} className="form" noValidate encType="multipart/form-data">
        {invoiceId ? <input type="hidden" name="invoice_id" value={invoiceId} /> : null}
        <FormMessage result={result} testId={test} />
        {failures.length > 0 ? (
          <section aria-labelledby={`${id}-f`} data-testid={`${test}-failures`}>
            <h3 id={`${id}-f`}>{m.invoices.failuresHeading(failures.length)}</h3>
            <ol className="list failures">
              {failures.map((f, i) => (
                <li key={`${f.rule}-${i}`} className="card" data-testid={`${test}-failure`} data-rule={f.rule}>
                  <span>
                    {m.invoices.rule}: <code>{f.rule}</code>
                  </span>
                  <span>
                    {m.invoices.field}: <code className="hash">{f.field}</code>
                  </span>
                  <span>{f.message}</span>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
        {kind === "invoice" ? (
          <div className="field">
            <label htmlFor={`${id}-order`}>{m.invoices.order}</label>
            <select
              id={`${id}-order`}
              name="order_id"
              defaultValue={selectedOrder ?? ""}
              aria-invalid={!!orderError}
              aria-describedby={orderError ? `${id}-order-error` : undefined}
              data-testid="cfdi-order"
            >
              <option value="">{m.invoices.chooseOrder}</option>
              {orders.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
            {orderError ? (
              <span className="field-error" id={`${id}-order-error`}>
                {orderError}
              </span>
            ) : null}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-xml`}>{m.invoices.xml}</label>
          <input
            id={`${id}-xml`}
            name="xml"
            type="file"
            accept=".xml,application/xml,text/xml"
            aria-invalid={!!xmlError}
            aria-describedby={xmlError ? `${id}-xml-error` : `${id}-xml-hint`}
            data-testid={`${test}-xml`}
          />
          <span className="hint" id={`${id}-xml-hint`}>
            {m.invoices.xmlHint}
          </span>
          {xmlError ? (
            <span className="field-error" id={`${id}-xml-error`} data-testid={`${test}-xml-error`}>
              {xmlError}
            </span>
          ) : null}
        </div>
        <SubmitButton
          label={kind === "invoice" ? m.invoices.submit : m.invoices.complementSubmit}
          pending={m.invoices.sending}
          testId={`${test}-submit`}
        />
      </form>
    </section>
  )
}
