"use client"

import { useEffect, useId } from "react"
import { useFormState } from "react-dom"
import { useRouter } from "next/navigation"
import { FormMessage, SubmitButton } from "../../../components/forms"
import { createCompetitionAction } from "@lib/actions/competitions"
import type { FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** Opens a draft competition from a requisition in requires_competition (its reservation carries over). */
export function CreateForm({ lang, requisitionId }: { lang: Lang; requisitionId: string }) {
  const m = messages(lang).competitions
  const [result, action] = useFormState<FormResult & { id?: string }, FormData>(createCompetitionAction, { state: "idle" })
  const router = useRouter()
  const id = useId().replace(/:/g, "")
  useEffect(() => {
    if (result.state === "ok" && result.id) {
      router.push(`/competencias/${encodeURIComponent(result.id)}`)
    }
  }, [result, router])
  const err = result.state === "error" ? result.fields?.delivery_state : undefined
  return (
    <form action={action} className="form" noValidate>
      <FormMessage result={result} testId="create-competition" />
      <div className="field">
        <label htmlFor={`${id}-req`}>{m.requisition}</label>
        <input id={`${id}-req`} name="requisition_id" defaultValue={requisitionId} readOnly data-testid="create-requisition" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-state`}>{m.state}</label>
        <input
          id={`${id}-state`}
          name="delivery_state"
          defaultValue="CMX"
          maxLength={3}
          autoComplete="off"
          aria-invalid={!!err}
          aria-describedby={err ? `${id}-state-error` : undefined}
          data-testid="create-state"
        />
        {err ? (
          <span className="field-error" id={`${id}-state-error`}>
            {err}
          </span>
        ) : null}
      </div>
      <SubmitButton testId="create-submit" label={m.create} pending={m.sending} />
    </form>
  )
}
