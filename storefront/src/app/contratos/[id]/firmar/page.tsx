import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { getContract, getContractHtml, sideSignature, SIDES, SIGNABLE } from "@lib/data/contracts"
import { canonicalJson } from "@tienda/contracts/efirma-client"
import { dateTime, day, kindLabel, money, statusLabel } from "@lib/format"
import { SigningPanel } from "./signing-panel"

export const metadata: Metadata = { title: "Firmar contrato — Tienda Digital" }
export const dynamic = "force-dynamic"

const SIGN_PERMISSION = { customer: "contracts:sign_agency", supplier: "contracts:sign_supplier" } as const

/**
 * The signing screen of a specific contract (or amendment): the document as
 * rendered by the server, the digest being signed and the e.firma form. The
 * signature is made in the browser (SigningPanel); this page only reads.
 */
export default async function SignContractPage({ params }: { params: { id: string } }) {
  const id = decodeURIComponent(params.id)
  const account = await requireAccount(`/contratos/${encodeURIComponent(id)}/firmar`)
  const back = (
    <p>
      <Link href="/contratos">← Contratos por firmar</Link>
    </p>
  )
  if ("error" in account) {
    return (
      <section>
        {back}
        <h1>Firma de contrato</h1>
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const { session, profile } = account
  const [detail, html] = await Promise.all([getContract(session, id), getContractHtml(session, id)])
  if (!detail.ok || !html.ok) {
    const error = !detail.ok ? detail.error : !html.ok ? html.error : null
    return (
      <section>
        {back}
        <h1>Firma de contrato</h1>
        {error ? <ApiErrorNotice {...error} /> : null}
      </section>
    )
  }
  const c = detail.data.specific_contract
  const side = SIDES[session.actor]
  const party = session.actor === "customer" ? c.data.agency : c.data.supplier
  const signed = sideSignature(session, c)
  // Why this person cannot sign now (null: they can, or they signed and the panel says so).
  let blocked: string | null = null
  if (signed && signed.person_id !== profile.id) {
    blocked = `Este documento ya tiene la firma de ${side.label}: ${signed.subject_name} (${dateTime(signed.signed_at)}).`
  } else if (!signed && !SIGNABLE.includes(c.status)) {
    blocked = `Este documento está en estado «${statusLabel(c.status)}» y ya no admite firmas.`
  } else if (!signed && c[side.signer] !== profile.id) {
    blocked = `El documento designa a ${party.representative.full_name} como firmante por ${side.label}; tú no puedes firmarlo.`
  } else if (!signed && !profile.permissions.includes(SIGN_PERMISSION[session.actor])) {
    blocked = `Tu rol no tiene el permiso de firmar contratos por ${side.label}.`
  }

  return (
    <article className="signing" aria-labelledby="titulo">
      {back}
      <p className="muted">{kindLabel(c.kind)}</p>
      <h1 id="titulo" data-testid="contract-number">
        {c.number}
      </h1>
      <dl className="facts" data-testid="contract-facts">
        <div>
          <dt>Dependencia</dt>
          <dd>
            {c.data.agency.legal_name} <span className="muted">(RFC {c.data.agency.rfc})</span>
          </dd>
        </div>
        <div>
          <dt>Proveedor</dt>
          <dd>
            {c.data.supplier.legal_name} <span className="muted">(RFC {c.data.supplier.rfc})</span>
          </dd>
        </div>
        <div>
          <dt>Contrato marco</dt>
          <dd>
            {c.data.framework_contract.number} — {c.data.framework_contract.title}
          </dd>
        </div>
        <div>
          <dt>Importe</dt>
          <dd>
            Subtotal {money(c.subtotal, c.currency_code)} · IVA {money(c.iva, c.currency_code)} ·{" "}
            <strong>Total {money(c.total, c.currency_code)}</strong>
            <br />
            <span className="muted">({c.data.totals.total_in_words})</span>
          </dd>
        </div>
        <div>
          <dt>Emitido</dt>
          <dd>{day(c.data.issued_on)}</dd>
        </div>
        <div>
          <dt>Firman</dt>
          <dd>
            Por la dependencia: {c.data.agency.representative.full_name} ({c.data.agency.representative.position})
            <br />
            Por el proveedor: {c.data.supplier.representative.full_name} ({c.data.supplier.representative.position})
          </dd>
        </div>
      </dl>

      <section aria-labelledby="documento">
        <h2 id="documento">Documento</h2>
        <p className="muted">
          Léelo completo antes de firmar. También puedes{" "}
          <a href={`/contratos/${encodeURIComponent(c.id)}/pdf`} target="_blank" rel="noopener" data-testid="contract-pdf">
            abrir el PDF
          </a>
          .
        </p>
        <iframe
          className="document"
          title={`Texto del ${kindLabel(c.kind).toLowerCase()} ${c.number}`}
          srcDoc={html.data}
          // no scripts, forms, popups or navigation; same origin only so it renders and prints with the page
          sandbox="allow-same-origin"
          data-testid="contract-document"
        />
      </section>

      <section aria-labelledby="que-firmas">
        <h2 id="que-firmas">Lo que firmas</h2>
        <p>Tu e.firma se aplica a la huella digital (SHA-256) del documento, que compromete los datos, el HTML y el PDF del contrato:</p>
        <p className="hash" data-testid="document-hash">
          {c.document_sha256}
        </p>
        <details>
          <summary>Detalle técnico de lo que se firma</summary>
          <p>Texto exacto que firma tu llave privada (JSON canónico, UTF-8; RSA PKCS#1 v1.5 con SHA-256):</p>
          <pre className="payload" data-testid="signing-payload">
            {canonicalJson(c.signing_payload)}
          </pre>
          <ul className="hashes">
            <li>
              Datos: <code>{c.data_sha256}</code>
            </li>
            <li>
              HTML: <code>{c.html_sha256}</code>
            </li>
            <li>
              PDF: <code>{c.pdf_sha256}</code>
            </li>
          </ul>
        </details>
      </section>

      <SigningPanel
        contract={{
          id: c.id,
          number: c.number,
          status: c.status,
          data_sha256: c.data_sha256,
          html_sha256: c.html_sha256,
          pdf_sha256: c.pdf_sha256,
          document_sha256: c.document_sha256,
        }}
        payload={c.signing_payload}
        html={html.data}
        signer={{ person_id: profile.id, full_name: profile.full_name, rfc: profile.rfc }}
        role={side.role}
        sideLabel={side.label}
        signatures={c.signatures}
        blocked={blocked}
      />
    </article>
  )
}
