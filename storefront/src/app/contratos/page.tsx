import type { Metadata } from "next"
import Link from "next/link"
import { ApiErrorNotice } from "../../components/api-error"
import { requireAccount } from "@lib/data/account"
import { listContractsToSign, SIDES } from "@lib/data/contracts"
import { dateTime, kindLabel, money, statusLabel } from "@lib/format"

export const metadata: Metadata = { title: "Contratos por firmar — Tienda Digital" }
export const dynamic = "force-dynamic"

export default async function ContractsToSign() {
  const account = await requireAccount("/contratos")
  if ("error" in account) {
    return (
      <section aria-labelledby="por-firmar">
        <h1 id="por-firmar">Contratos por firmar</h1>
        <ApiErrorNotice {...account.error} />
      </section>
    )
  }
  const { session, profile } = account
  const rows = await listContractsToSign(session, profile)
  return (
    <section aria-labelledby="por-firmar">
      <h1 id="por-firmar">Contratos por firmar</h1>
      <p className="muted" data-testid="signer">
        {profile.full_name} · RFC {profile.rfc} · firmas por {SIDES[session.actor].label}
      </p>
      {!rows.ok ? (
        <ApiErrorNotice {...rows.error} />
      ) : rows.data.length === 0 ? (
        <p data-testid="contracts-empty">No tienes contratos pendientes de tu firma.</p>
      ) : (
        <ul className="list" data-testid="contracts-to-sign">
          {rows.data.map((c) => (
            <li key={c.id} className="card">
              <span className="muted">{kindLabel(c.kind)}</span>
              <strong>{c.number}</strong>
              <span>Total: {money(c.total, c.currency_code)}</span>
              <span className="muted">
                {statusLabel(c.status)} · emitido el {dateTime(c.issued_at)}
              </span>
              <Link className="button primary" href={`/contratos/${encodeURIComponent(c.id)}/firmar`} data-testid={`sign-${c.number}`}>
                Revisar y firmar
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
