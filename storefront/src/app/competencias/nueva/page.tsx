import type { Metadata } from "next"
import { ApiErrorNotice } from "../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getLang, t } from "@lib/i18n"
import { CreateForm } from "./create-form"

export const metadata: Metadata = { title: "Abrir segunda etapa — Tienda Digital" }
export const dynamic = "force-dynamic"

/** "Abrir la segunda etapa" from a requisition in requires_competition (?requisicion=…). */
export default async function NewCompetition({ searchParams }: { searchParams: { requisicion?: string } }) {
  const lang = getLang()
  const m = t().competitions
  const requisition = typeof searchParams.requisicion === "string" ? searchParams.requisicion.slice(0, 100) : ""
  const account = await requireAccount(`/competencias/nueva${requisition ? `?requisicion=${encodeURIComponent(requisition)}` : ""}`)
  const heading = <h1 id="nueva">{m.newFromRequisition}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="nueva">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).compete) {
    return (
      <section aria-labelledby="nueva">
        {heading}
        <ApiErrorNotice code="SOLO_UNIDAD_COMPRADORA" message={m.notAllowed} testId="competition-denied" />
      </section>
    )
  }
  return (
    <section aria-labelledby="nueva">
      {heading}
      <p className="muted">{m.purchasingIntro}</p>
      <CreateForm lang={lang} requisitionId={requisition} />
    </section>
  )
}
