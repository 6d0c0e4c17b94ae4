import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { capabilities } from "@lib/data/me"
import { getRequisition } from "@lib/data/purchasing"
import { getLang, t, tj } from "@lib/i18n"
import { EditRequisitionForm } from "./edit-form"

export const metadata: Metadata = { title: "Corregir la requisición — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The requester corrects a returned (or draft) requisition: quantities,
 * justification, delivery; saving creates a new version and sends it for
 * approval again (POST /store/requisitions/:id, then …/submit). The reason
 * the approver gave for returning it is shown above the form.
 */
export default async function EditRequisition({ params }: { params: { id: string } }) {
  const m = tj()
  const mt = t()
  const id = decodeURIComponent(params.id)
  const account = await requireAccount(`/requisiciones/${encodeURIComponent(id)}/editar`)
  const back = (
    <p>
      <Link href={`/requisiciones/${encodeURIComponent(id)}`}>← {mt.nav.requisitions}</Link>
    </p>
  )
  const heading = <h1 id="editar">{m.edit.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="editar">
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).buy) {
    return (
      <section aria-labelledby="editar">
        {heading}
        <ApiErrorNotice code="SOLO_EL_SOLICITANTE" message={m.edit.notEditable} testId="edit-denied" />
      </section>
    )
  }
  const res = await getRequisition(account.session, id)
  if (!res.ok) {
    return (
      <section aria-labelledby="editar">
        {back}
        {heading}
        <ApiErrorNotice {...res.error} testId="edit-error-load" />
      </section>
    )
  }
  const r = res.data.requisition
  if (r.requester_person_id !== account.profile.id || !["draft", "returned"].includes(r.status)) {
    return (
      <section aria-labelledby="editar">
        {back}
        {heading}
        <ApiErrorNotice code="REQUISICION_NO_MODIFICABLE" message={m.edit.notEditable} testId="edit-denied" />
      </section>
    )
  }
  const returned = (r.approval_steps ?? [])
    .filter((s) => s.revision === r.revision && s.status === "returned")
    .sort((a, b) => String(b.decided_at).localeCompare(String(a.decided_at)))[0]
  const first = r.lines?.[0]
  return (
    <section aria-labelledby="editar">
      {back}
      <h1 id="editar">
        {m.edit.title} {r.number}
      </h1>
      <p className="muted">{m.edit.intro}</p>
      {returned?.reason ? (
        <p className="notice" data-testid="edit-returned-reason">
          <strong>{m.edit.returnedBecause}:</strong> {returned.reason}
        </p>
      ) : null}
      <EditRequisitionForm
        lang={getLang()}
        requisitionId={r.id}
        justification={r.justification}
        deliveryPlace={first?.delivery_place ?? ""}
        deliveryDate={first?.delivery_date ? String(first.delivery_date).slice(0, 10) : ""}
        lines={(r.lines ?? []).map((l) => ({ id: l.id, name: l.item_name, quantity: l.quantity }))}
      />
    </section>
  )
}
