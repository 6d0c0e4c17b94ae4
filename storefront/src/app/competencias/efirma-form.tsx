"use client"

import { useId, useRef, useState, type FormEvent } from "react"
import { useRouter } from "next/navigation"
import { openCredential, signPayload } from "@tienda/contracts/efirma-client"
import { signedCompetitionAction, type SignedInput } from "@lib/actions/competitions"
import { messages, type Lang } from "@lib/messages"

/** A SAT .key or .cer is about 1–2 KB; anything much larger is not one. */
const MAX_FILE_BYTES = 64 * 1024

type Props = {
  lang: Lang
  kind: SignedInput["kind"]
  competitionId: string
  /** What is signed (canonical JSON), as the API showed it; for a deviation it is built from the form. */
  payload: Record<string, unknown> | null
  textSha256?: string
  /** A deviation from the computed winner: the valid bidders to choose from and the computed winner. */
  deviation?: { suppliers: { id: string; label: string }[]; computed: string | null }
  submitLabel: string
  testId: string
}

/**
 * Signs a step of the mini-competition with e.firma in the browser
 * (`@tienda/contracts/efirma-client`, WebCrypto): the .key is decrypted with
 * its password into a non-extractable key on this device and signs the
 * canonical JSON of the payload; only the certificate and the signature go
 * to the server, which verifies them as for specific contracts. The
 * sensitive inputs have no `name` and the form no action, so nothing is
 * submitted natively.
 */
export function EfirmaSign({ lang, kind, competitionId, payload, textSha256, deviation, submitLabel, testId }: Props) {
  const m = messages(lang).competitions
  const id = useId().replace(/:/g, "")
  const router = useRouter()
  const [cer, setCer] = useState<Uint8Array | null>(null)
  const [key, setKey] = useState<Uint8Array | null>(null)
  const [password, setPassword] = useState("")
  const [supplierId, setSupplierId] = useState("")
  const [justification, setJustification] = useState("")
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null)
  const [done, setDone] = useState(false)
  const outcome = useRef<HTMLDivElement>(null)

  async function read(file: File | undefined, set: (b: Uint8Array | null) => void) {
    setFailure(null)
    if (!file || file.size > MAX_FILE_BYTES) {
      set(null)
      return
    }
    set(new Uint8Array(await file.arrayBuffer()))
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault()
    setFailure(null)
    const fail = (code: string, message: string) => {
      setFailure({ code, message })
      setTimeout(() => outcome.current?.focus(), 0)
    }
    if (!cer || !key || !password) {
      return fail("DATOS_INVALIDOS", m.efirmaMissing)
    }
    let signed = payload
    if (deviation) {
      if (!supplierId || justification.trim().length < 30) {
        return fail("JUSTIFICACION_REQUERIDA", m.justificationRequired)
      }
      signed = {
        documento: "justificacion_de_adjudicacion_distinta",
        competition_id: competitionId,
        supplier_id: supplierId,
        computed_winner_supplier_id: deviation.computed,
        justification: justification.trim(),
      }
    }
    if (!signed) {
      return fail("SIN_DOCUMENTO", m.nothingToSign)
    }
    setBusy(true)
    try {
      const credential = await openCredential({ cer, key, password })
      const envelope = await signPayload(credential, signed)
      const res = await signedCompetitionAction({
        kind,
        competition_id: competitionId,
        certificate: envelope.certificate,
        signature: envelope.signature,
        text_sha256: textSha256,
        supplier_id: deviation ? supplierId : undefined,
        justification: deviation ? justification.trim() : undefined,
      })
      if (!res.ok) {
        return fail(res.code, res.message)
      }
      setPassword("")
      setDone(true)
      router.refresh()
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown }
      fail(
        typeof e?.code === "string" && /^[A-Z_]+$/.test(e.code) ? e.code : "ERROR_INESPERADO",
        typeof e?.message === "string" ? e.message : m.signFailed,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid={testId}>
      <div ref={outcome} tabIndex={-1}>
        {failure ? (
          <p className="alert" role="alert" data-testid={`${testId}-error`}>
            {failure.message} <code>{failure.code}</code>
          </p>
        ) : done ? (
          <p className="success" role="status" data-testid={`${testId}-done`}>
            {m.signed}
          </p>
        ) : null}
      </div>
      {deviation ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-supplier`}>{m.deviateTo}</label>
            <select
              id={`${id}-supplier`}
              value={supplierId}
              onChange={(e) => setSupplierId(e.target.value)}
              data-testid={`${testId}-supplier`}
            >
              <option value="">{m.choose}</option>
              {deviation.suppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-why`}>{m.justification}</label>
            <textarea
              id={`${id}-why`}
              rows={4}
              maxLength={2000}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              data-testid={`${testId}-justification`}
            />
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-cer`}>{m.cer}</label>
        <input
          id={`${id}-cer`}
          type="file"
          accept=".cer"
          onChange={(e) => read(e.target.files?.[0], setCer)}
          data-testid={`${testId}-cer`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>{m.key}</label>
        <input
          id={`${id}-key`}
          type="file"
          accept=".key"
          onChange={(e) => read(e.target.files?.[0], setKey)}
          data-testid={`${testId}-key`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pw`}>{m.password}</label>
        <input
          id={`${id}-pw`}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid={`${testId}-password`}
        />
      </div>
      <button type="submit" className="button" disabled={busy} aria-busy={busy} data-testid={`${testId}-submit`}>
        {busy ? m.signing : submitLabel}
      </button>
    </form>
  )
}
