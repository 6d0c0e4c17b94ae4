"use client"

import { useEffect, useRef, useState, type FormEvent } from "react"
import {
  canonicalJson,
  describeCertificate,
  openCredential,
  sha256Hex,
  signPayload,
  type CertificateInfo,
} from "@tienda/contracts/efirma-client"
import { signContractAction, type SignedContract } from "@lib/actions/contracts"
import { signActaAction } from "@lib/actions/invoicing"
import type { ContractSignature, SigningPayload } from "@lib/data/contracts"
import type { ActaSigningPayload } from "@lib/data/invoicing"
import { date, dateTime, signatureRoleLabel, statusLabel } from "@lib/format"

/**
 * What is signed: a specific contract (the default) or a reception's acta de
 * entrega-recepción (`reception_id` names the reception whose acta it is).
 */
export type SigningTarget = { kind: "contract" } | { kind: "acta"; reception_id: string }

type Props = {
  target?: SigningTarget
  /** For an acta: its id, folio (as `number`), status and digests. */
  contract: {
    id: string
    number: string
    status: string
    data_sha256: string
    html_sha256: string
    pdf_sha256: string
    document_sha256: string
  }
  payload: SigningPayload | ActaSigningPayload
  /** The rendered document shown above, exactly as served (its SHA-256 is html_sha256). */
  html: string
  signer: { person_id: string; full_name: string; rfc: string }
  /** The signature role of this person's side and how the page names that side. */
  role: ContractSignature["role"]
  sideLabel: string
  signatures: ContractSignature[]
  /** Why this person cannot sign this document now (null: they can). */
  blocked: string | null
}

/** Where a refusal came from: the device (nothing sent), the server (nothing stored) or unknown (no answer). */
type Failure = { code: string; message: string; origin: "device" | "server" | "network" }
type Integrity = "checking" | "ok" | "mismatch" | "unavailable"
type Certificate = { bytes: Uint8Array; info: CertificateInfo }

/** A SAT .key is about 1–2 KB; anything much larger is not one. */
const MAX_FILE_BYTES = 64 * 1024

/** Client-side pre-checks of the chosen .cer (display only: the server re-checks everything). */
function certificateProblem(info: CertificateInfo, rfc: string, now = new Date()): Omit<Failure, "origin"> | null {
  if (info.is_csd) {
    return {
      code: "CERTIFICADO_NO_ES_EFIRMA",
      message: "El certificado seleccionado es un sello digital (CSD). Para firmar contratos se usa la e.firma de la persona.",
    }
  }
  if (info.rfc !== rfc.toUpperCase()) {
    return {
      code: "RFC_NO_COINCIDE",
      message: `El certificado es del RFC ${info.rfc || "(sin RFC)"}, pero tu cuenta es del RFC ${rfc}. Selecciona tu propia e.firma.`,
    }
  }
  if (info.valid_to.getTime() < now.getTime()) {
    return { code: "CERTIFICADO_VENCIDO", message: `El certificado venció el ${date(info.valid_to)}. Renueva tu e.firma en el SAT.` }
  }
  if (info.valid_from.getTime() > now.getTime()) {
    return { code: "CERTIFICADO_NO_VIGENTE_AUN", message: `El certificado será válido a partir del ${date(info.valid_from)}.` }
  }
  return null
}

function failureOf(e: unknown): Omit<Failure, "origin"> {
  const err = e as { code?: unknown; message?: unknown }
  if (typeof err?.code === "string" && /^[A-Z_]+$/.test(err.code) && typeof err.message === "string") {
    return { code: err.code, message: err.message }
  }
  return { code: "ERROR_INESPERADO", message: "No se pudo completar la firma en este dispositivo. Intenta de nuevo." }
}

/**
 * The e.firma signing form. Everything cryptographic happens here, in the
 * browser, with WebCrypto (`@tienda/contracts/efirma-client`): the .key is
 * read from the chosen file, decrypted with the password into a
 * non-extractable key, and used to sign the canonical JSON of the signing
 * payload. Only the certificate and the signature are sent to the server
 * (signContractAction). The sensitive inputs have no `name` and the form no
 * action, so nothing is submitted natively even before hydration.
 */
export function SigningPanel({
  target = { kind: "contract" },
  contract,
  payload,
  html,
  signer,
  role,
  sideLabel,
  signatures: initial,
  blocked,
}: Props) {
  const acta = target.kind === "acta"
  const documentName = acta ? `el acta ${contract.number}` : `el ${contract.number}`
  const [ready, setReady] = useState(false)
  const [integrity, setIntegrity] = useState<Integrity>("checking")
  const [certificate, setCertificate] = useState<Certificate | null>(null)
  const [keyFile, setKeyFile] = useState<File | null>(null)
  const [password, setPassword] = useState("")
  const [showPassword, setShowPassword] = useState(false)
  const [consent, setConsent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [reading, setReading] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [done, setDone] = useState<(Omit<SignedContract, "status"> & { status: string }) | null>(null)
  const [signatures, setSignatures] = useState(initial)
  const keyInput = useRef<HTMLInputElement>(null)
  const outcome = useRef<HTMLDivElement>(null)

  // What you see is what you sign: recompute, on this device, the digest of
  // the document shown and the document digest inside the signing payload.
  useEffect(() => {
    let live = true
    setReady(true)
    ;(async () => {
      if (!globalThis.crypto?.subtle) {
        return "unavailable" as const
      }
      const htmlHash = await sha256Hex(html)
      const docHash = await sha256Hex(
        canonicalJson({ data_sha256: contract.data_sha256, html_sha256: contract.html_sha256, pdf_sha256: contract.pdf_sha256 }),
      )
      const names =
        "acta_id" in payload
          ? acta && payload.acta_id === contract.id && payload.folio === contract.number
          : !acta && payload.contract_id === contract.id && payload.number === contract.number
      const ok =
        htmlHash === contract.html_sha256 &&
        docHash === contract.document_sha256 &&
        payload.document_sha256 === contract.document_sha256 &&
        names
      return ok ? ("ok" as const) : ("mismatch" as const)
    })()
      .then((r) => live && setIntegrity(r))
      .catch(() => live && setIntegrity("mismatch"))
    return () => {
      live = false
    }
  }, [html, contract, payload, acta])

  useEffect(() => {
    if (failure || done) {
      outcome.current?.focus()
    }
  }, [failure, done])

  const mine = signatures.find((s) => s.role === role && s.person_id === signer.person_id)

  async function onCertificate(file: File | undefined) {
    setFailure(null)
    setCertificate(null)
    if (!file) {
      return
    }
    if (file.size > MAX_FILE_BYTES) {
      setFailure({
        code: "CERTIFICADO_INVALIDO",
        message: "El archivo es demasiado grande para ser un certificado .cer del SAT.",
        origin: "device",
      })
      return
    }
    setReading(true)
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      setCertificate({ bytes, info: describeCertificate(bytes) })
    } catch (e) {
      setFailure({ ...failureOf(e), origin: "device" })
    } finally {
      setReading(false)
    }
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    setFailure(null)
    const fail = (f: Omit<Failure, "origin">, origin: Failure["origin"] = "device") => setFailure({ ...f, origin })
    if (!certificate) {
      return fail({ code: "FALTA_CERTIFICADO", message: "Selecciona tu certificado de e.firma (archivo .cer)." })
    }
    if (!keyFile) {
      return fail({ code: "FALTA_LLAVE", message: "Selecciona tu llave privada (archivo .key)." })
    }
    if (!password) {
      return fail({ code: "FALTA_CONTRASENA", message: "Escribe la contraseña de tu llave privada." })
    }
    if (!consent) {
      return fail({ code: "FALTA_CONFORMIDAD", message: "Confirma que leíste el documento y que estás de acuerdo en firmarlo." })
    }
    const problem = certificateProblem(certificate.info, signer.rfc)
    if (problem) {
      return fail(problem)
    }
    if (keyFile.size > MAX_FILE_BYTES) {
      return fail({ code: "LLAVE_INVALIDA", message: "El archivo es demasiado grande para ser una llave privada .key del SAT." })
    }
    setBusy(true)
    try {
      const credential = await openCredential({
        cer: certificate.bytes,
        key: new Uint8Array(await keyFile.arrayBuffer()),
        password,
      })
      const envelope = await signPayload(credential, payload)
      if (target.kind === "acta") {
        const signed = await signActaAction(target.reception_id, envelope).catch(() => null)
        if (!signed) {
          return fail(
            {
              code: "SIN_RESPUESTA",
              message:
                "No hubo respuesta de la Tienda Digital al enviar la firma. Revisa tu conexión y recarga la página: si la firma quedó registrada, el acta aparecerá como firmada.",
            },
            "network",
          )
        }
        if (!signed.ok) {
          return fail({ code: signed.code, message: signed.message }, "server")
        }
        const mineNow: ContractSignature = {
          id: signed.acta.id,
          role,
          person_id: signer.person_id,
          certificate_serial: signed.acta.certificate_serial ?? "",
          rfc: signer.rfc,
          subject_name: signer.full_name,
          document_sha256: signed.acta.document_sha256,
          signed_at: signed.acta.signed_at ?? new Date().toISOString(),
        }
        setDone({ id: signed.acta.id, number: signed.acta.folio, status: signed.acta.status, in_force_at: null, signatures: [mineNow] })
        setSignatures([mineNow])
        setPassword("")
        setKeyFile(null)
        if (keyInput.current) {
          keyInput.current.value = ""
        }
        return
      }
      const result = await signContractAction(contract.id, {
        ...envelope,
        document_sha256: (payload as SigningPayload).document_sha256,
      }).catch(() => null)
      if (!result) {
        return fail(
          {
            code: "SIN_RESPUESTA",
            message:
              "No hubo respuesta de la Tienda Digital al enviar la firma. Revisa tu conexión y recarga la página: si la firma quedó registrada, aparecerá en «Firmas registradas».",
          },
          "network",
        )
      }
      if (!result.ok) {
        return fail({ code: result.code, message: result.message }, "server")
      }
      setDone(result.contract)
      setSignatures(result.contract.signatures)
      setPassword("")
      setKeyFile(null)
      if (keyInput.current) {
        keyInput.current.value = ""
      }
    } catch (err) {
      fail(failureOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <section aria-labelledby="firmar" className="panel">
        <h2 id="firmar">Firmar con e.firma</h2>
        <p className="integrity" data-testid="integrity" data-state={integrity}>
          {integrity === "checking"
            ? "Verificando en tu dispositivo que el documento mostrado corresponde a la huella…"
            : integrity === "ok"
              ? "✓ Verificado en tu dispositivo: el documento mostrado corresponde a la huella que vas a firmar."
              : integrity === "unavailable"
                ? "Este navegador no ofrece WebCrypto: abre la Tienda Digital por HTTPS en un navegador actualizado para firmar."
                : "✗ El documento recibido no corresponde a su huella. No firmes; recarga la página y, si se repite, repórtalo a la SHCP."}
        </p>

        {done ? (
          <div className="success" role="status" tabIndex={-1} ref={outcome} data-testid="signing-done">
            <p>
              <strong>Firma registrada.</strong> Firmaste {documentName} por {sideLabel}
              {mine ? ` con el certificado ${mine.certificate_serial}` : ""}.
            </p>
            {mine ? <p>Fecha y hora de la firma: {dateTime(mine.signed_at)}</p> : null}
            {acta ? (
              <p data-testid="signing-done-status">
                Estado: <strong>Firmada</strong>.
              </p>
            ) : (
              <p data-testid="signing-done-status">
                Estado: <strong>{statusLabel(done.status)}</strong>.{" "}
                {done.status === "in_force"
                  ? `Entró en vigor: ${dateTime(done.in_force_at)}`
                  : "Falta la firma de la otra parte para que entre en vigor."}
              </p>
            )}
          </div>
        ) : mine ? (
          <p className="success" role="status" data-testid="already-signed">
            Ya firmaste este documento por {sideLabel} con el certificado {mine.certificate_serial} ({dateTime(mine.signed_at)}).
          </p>
        ) : blocked ? (
          <p className="notice" role="status" data-testid="signing-blocked">
            {blocked}
          </p>
        ) : (
          <form className="form" onSubmit={onSubmit} noValidate data-testid="signing-form">
            <p className="muted">
              Firmas como <strong>{signer.full_name}</strong> (RFC {signer.rfc}) por {sideLabel}. Tu llave privada y su contraseña se usan
              solo en este dispositivo: nunca se envían. Al servidor llegan únicamente tu certificado y la firma.
            </p>
            <label className="field">
              <span>Certificado (.cer)</span>
              <input
                type="file"
                accept=".cer,.crt,.der,application/pkix-cert,application/x-x509-ca-cert"
                onChange={(e) => onCertificate(e.target.files?.[0])}
                disabled={busy}
                data-testid="cer-input"
              />
            </label>
            {certificate ? (
              <dl className="certificate" data-testid="certificate-info">
                <div>
                  <dt>Titular</dt>
                  <dd>{certificate.info.name}</dd>
                </div>
                <div>
                  <dt>RFC</dt>
                  <dd>{certificate.info.rfc}</dd>
                </div>
                <div>
                  <dt>No. de certificado</dt>
                  <dd>{certificate.info.serial}</dd>
                </div>
                <div>
                  <dt>Vigencia</dt>
                  <dd>
                    {date(certificate.info.valid_from)} al {date(certificate.info.valid_to)}
                  </dd>
                </div>
              </dl>
            ) : null}
            <label className="field">
              <span>Llave privada (.key)</span>
              <input
                ref={keyInput}
                type="file"
                accept=".key,application/pkcs8,application/octet-stream"
                onChange={(e) => {
                  setFailure(null)
                  setKeyFile(e.target.files?.[0] ?? null)
                }}
                disabled={busy}
                data-testid="key-input"
              />
            </label>
            <label className="field">
              <span>Contraseña de la llave privada</span>
              <input
                type={showPassword ? "text" : "password"}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                disabled={busy}
                data-testid="key-password"
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
              <span>Mostrar contraseña</span>
            </label>
            <label className="check">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="consent" />
              <span>
                Leí {documentName} y estoy de acuerdo en firmarlo con mi e.firma por {sideLabel}.
              </span>
            </label>
            <button
              type="submit"
              className="button primary"
              disabled={!ready || busy || reading || integrity !== "ok"}
              data-testid="sign-submit"
            >
              {busy ? "Firmando…" : acta ? "Firmar el acta" : "Firmar contrato"}
            </button>
          </form>
        )}

        {failure ? (
          <div className="alert" role="alert" tabIndex={-1} ref={outcome} data-testid="signing-error">
            <p data-testid="signing-error-message">{failure.message}</p>
            <p className="code">
              Código: <code data-testid="signing-error-code">{failure.code}</code>
            </p>
            {failure.code === "NO_AUTENTICADO" ? (
              <p>
                <a
                  href={`/ingresar?siguiente=${encodeURIComponent(
                    target.kind === "acta" ? `/recepciones/${target.reception_id}/acta` : `/contratos/${contract.id}/firmar`,
                  )}`}
                >
                  Iniciar sesión de nuevo
                </a>
              </p>
            ) : null}
            {failure.origin === "network" ? null : (
              <p className="muted">
                {failure.origin === "server"
                  ? "El servidor rechazó la firma: no se registró ninguna firma."
                  : "No se envió nada al servidor ni se registró ninguna firma."}
              </p>
            )}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="firmas">
        <h2 id="firmas">Firmas registradas</h2>
        {signatures.length === 0 ? (
          <p data-testid="signatures-empty">Aún no hay firmas.</p>
        ) : (
          <ul className="list" data-testid="signatures">
            {signatures.map((s) => (
              <li key={s.id} className="card">
                <strong>{acta ? "Responsable de Recepción" : signatureRoleLabel(s.role)}</strong>
                <span>
                  {s.subject_name} (RFC {s.rfc})
                </span>
                <span className="muted">
                  Certificado {s.certificate_serial} · {dateTime(s.signed_at)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
