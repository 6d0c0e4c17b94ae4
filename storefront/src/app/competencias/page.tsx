import type { Metadata } from "next"
import { listStoreCompetitions } from "@lib/data/competitions"
import { t } from "@lib/i18n"
import { CompetitionList } from "./competition-list"

export const metadata: Metadata = { title: "Segundas etapas — Tienda Digital" }
export const dynamic = "force-dynamic"

/** My agency's competitions (GET /store/competitions), newest first. */
export default function PurchasingCompetitions() {
  const m = t().competitions
  return (
    <CompetitionList
      path="/competencias"
      title={m.purchasingTitle}
      intro={m.purchasingIntro}
      may={(c) => c.compete}
      deniedCode="SOLO_UNIDAD_COMPRADORA"
      list={listStoreCompetitions}
    />
  )
}
