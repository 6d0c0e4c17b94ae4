"use client"

import { useEffect } from "react"
import { useFormState } from "react-dom"
import { useRouter } from "next/navigation"
import { FormMessage, SubmitButton } from "../../../components/forms"
import { procedureStepAction } from "@lib/actions/competitions"
import type { FormResult } from "@lib/actions/purchasing"
import { messages, type Lang } from "@lib/messages"

/** One step of the procedure by the Purchasing Unit: publish the draft, or offer the award to the computed winner. */
export function StepForm({ lang, competitionId, step }: { lang: Lang; competitionId: string; step: "publish" | "award" }) {
  const m = messages(lang).competitions
  const [result, action] = useFormState<FormResult, FormData>(procedureStepAction, { state: "idle" })
  const router = useRouter()
  useEffect(() => {
    if (result.state === "ok") {
      router.refresh()
    }
  }, [result, router])
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="competition_id" value={competitionId} />
      <input type="hidden" name="step" value={step} />
      <FormMessage result={result} testId={`step-${step}`} />
      <SubmitButton testId={`step-${step}-submit`} label={step === "publish" ? m.publish : m.awardComputed} pending={m.sending} />
    </form>
  )
}
