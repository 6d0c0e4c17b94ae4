import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { canonicalJson } from "@tienda/contracts/efirma-client"
import { requireAccount } from "@lib/data/account"
import type { ContractSignature } from "@lib/data/contracts"
import { getActa } from "@lib/data/invoicing"
import { capabilities } from "@lib/data/me"
import { peopleById } from "@lib/data/purchasing"
import { dateTime } from "@lib/format"
import { tj } from "@lib/i18n"
import { SigningPanel } from "../../../contratos/[id]/firmar/signing-panel"

export const metadata: Metadata = { title: "Acta de entrega-recepción — Tienda Digital" }
export const dynamic = "force-dynamic"

/**
 * The acta de entrega-recepción of a reception: the document as the server
 * rendered it, the digest signed and the same in-browser e.firma form the
 * contracts use (the .key never leaves the device). The Reception Manager
 * signs it once.
 */
export default async function ActaPage({ params }: { params: { id: string } }) {
  const m = tj()
  const id = decodeURIComponent(params.id)
  const account = await requireAccount(`/recepciones/${encodeURIComponent(id)}/acta`)
  const back = (
    <p>
      <Link href="/recepciones">← {m.acta.back}</Link>
    </p>
  )
  const heading = <h1 id="acta">{m.acta.title}</h1>
  if ("error" in account) {
    return (
      <section aria-labelledby="acta">
        {back}
        {heading}
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  if (!capabilities(account.profile).receive) {
    return (
      <section aria-labelledby="acta">
        {back}
        {heading}
        <ApiErrorNotice code="SIN_FACULTAD_PARA_RECIBIR" message={m.acta.notReceiver} testId="acta-denied" />
      </section>
    )
  }
  const res = await getActa(account.session, id)
  if (!res.ok) {
    return (
      <section aria-labelledby="acta">
        {back}
        {heading}
        <ApiErrorNotice {...res.error} testId="acta-error" />
      </section>
    )
  }
  const a = res.data.acta
  const { profile } = account
  const people = a.signed_by_person_id ? await peopleById(account.session) : new Map()
  const signer = a.signed_by_person_id ? people.get(a.signed_by_person_id) : null
  const signatures: ContractSignature[] =
    a.status === "signed" && a.signed_by_person_id
      ? [
          {
            id: a.id,
            role: "agency_signer",
            person_id: a.signed_by_person_id,
            certificate_serial: a.certificate_serial ?? "",
            rfc: a.signed_by_person_id === profile.id ? profile.rfc : "—",
            subject_name: signer?.full_name ?? (a.signed_by_person_id === profile.id ? profile.full_name : "—"),
            document_sha256: a.document_sha256,
            signed_at: a.signed_at ?? "",
          },
        ]
      : []
  const blocked =
    a.status === "signed" && a.signed_by_person_id !== profile.id
      ? `Esta acta ya está firmada por ${signatures[0]?.subject_name ?? "otra persona"} (${dateTime(a.signed_at)}).`
      : null
  return (
    <article className="signing" aria-labelledby="acta">
      {back}
      <p className="muted">{m.acta.title}</p>
      <h1 id="acta" data-testid="acta-folio">
        {a.folio}
      </h1>
      <p>
        <span className="badge" data-testid="acta-status" data-status={a.status}>
          {a.status === "signed" ? m.acta.signed : m.acta.unsigned}
        </span>{" "}
        <a href={`/recepciones/${encodeURIComponent(id)}/acta/pdf`} target="_blank" rel="noopener" data-testid="acta-pdf">
          {m.acta.pdf}
        </a>
      </p>
      <section aria-labelledby="documento">
        <h2 id="documento">Documento</h2>
        <iframe
          className="document"
          title={`${m.acta.title} ${a.folio}`}
          srcDoc={a.html ?? ""}
          sandbox="allow-same-origin"
          data-testid="acta-document"
        />
      </section>
      <section aria-labelledby="que-firmas">
        <h2 id="que-firmas">Lo que firmas</h2>
        <p>Tu e.firma se aplica a la huella digital (SHA-256) del acta, que compromete sus datos, su HTML y su PDF:</p>
        <p className="hash" data-testid="document-hash">
          {a.document_sha256}
        </p>
        <details>
          <summary>Detalle técnico de lo que se firma</summary>
          <pre className="payload" data-testid="signing-payload">
            {canonicalJson(a.signing_payload)}
          </pre>
        </details>
      </section>
      <SigningPanel
        target={{ kind: "acta", reception_id: a.reception_id }}
        contract={{
          id: a.id,
          number: a.folio,
          status: a.status,
          data_sha256: a.data_sha256,
          html_sha256: a.html_sha256,
          pdf_sha256: a.pdf_sha256,
          document_sha256: a.document_sha256,
        }}
        payload={a.signing_payload}
        html={a.html ?? ""}
        signer={{ person_id: profile.id, full_name: profile.full_name, rfc: profile.rfc }}
        role="agency_signer"
        sideLabel="la dependencia, como Responsable de Recepción"
        signatures={signatures}
        blocked={blocked}
      />
    </article>
  )
}
