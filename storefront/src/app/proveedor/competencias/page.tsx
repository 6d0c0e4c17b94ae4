import type { Metadata } from "next"
import { listSupplierCompetitions } from "@lib/data/competitions"
import { t } from "@lib/i18n"
import { CompetitionList } from "../../competencias/competition-list"

export const metadata: Metadata = { title: "Mis segundas etapas — Tienda Digital" }
export const dynamic = "force-dynamic"

/** The competitions my company is invited to (GET /supplier/competitions). */
export default function SupplierCompetitions() {
  const m = t().competitions
  return (
    <CompetitionList
      path="/proveedor/competencias"
      title={m.supplierTitle}
      intro={m.supplierIntro}
      may={(c) => c.bid}
      deniedCode="SOLO_PROVEEDORES"
      list={listSupplierCompetitions}
    />
  )
}
