import { Certificate } from "@nodecfdi/credentials/node"
import { X509Certificate } from "node:crypto"
import { efirmaError, EFIRMA_ERRORS } from "../errors"

/** What the store keeps and shows of a SAT certificate. */
export type ParsedCertificate = {
  /**
   * SAT's "NoCertificado": the serial's bytes read as ASCII when printable
   * (e.g. 30001000000500003416), else the serial in hex.
   */
  serial: string
  serial_hex: string
  /** RFC of the holder: subject x500UniqueIdentifier (2.5.4.45), first token. */
  rfc: string
  /** Holder's name: subject `name` (2.5.4.41), else CN. */
  subject_name: string
  /** Subject and issuer as RFC 4514-like one-line strings, for display. */
  subject: string
  issuer: string
  /** e.firma (FIEL) has no OU in the subject; a CSD carries its branch as OU. */
  kind: "efirma" | "csd"
  valid_from: Date
  valid_to: Date
  /** Base64 of the DER bytes. */
  der_base64: string
  x509: X509Certificate
}

const PEM_RE = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/

/** Base64 DER, PEM or raw DER bytes → DER bytes. */
export function certificateDer(input: string | Uint8Array): Buffer {
  if (typeof input !== "string") {
    const asText = Buffer.from(input).toString("latin1")
    const pem = PEM_RE.exec(asText)
    return pem ? Buffer.from(pem[1].replace(/\s+/g, ""), "base64") : Buffer.from(input)
  }
  const pem = PEM_RE.exec(input)
  const b64 = (pem ? pem[1] : input).replace(/\s+/g, "")
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw invalidCertificate()
  }
  return Buffer.from(b64, "base64")
}

function invalidCertificate(detail?: string): Error {
  return efirmaError(
    EFIRMA_ERRORS.CERTIFICADO_INVALIDO,
    `El archivo no es un certificado X.509 válido (.cer del SAT en DER o PEM)${detail ? `: ${detail}` : ""}.`,
  )
}

type Attr = { type?: string; shortName?: string; name?: string; value?: unknown }

function dn(attrs: Attr[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${decode(String(a.value ?? ""))}`).join(", ")
}

/** forge hands UTF8String values as binary (latin1) strings. */
function decode(v: string): string {
  if ([...v].some((ch) => ch.charCodeAt(0) > 0xff)) {
    return v
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(v, "latin1"))
  } catch {
    return v
  }
}

/**
 * Parses a `.cer` the way @nodecfdi/credentials reads SAT certificates (RFC,
 * legal name, serial, FIEL vs CSD), and also as a node:crypto X509Certificate
 * for chain and signature checks. Throws CERTIFICADO_INVALIDO.
 */
export function parseCertificate(input: string | Uint8Array): ParsedCertificate {
  const der = certificateDer(input)
  if (der.length < 64 || der[0] !== 0x30) {
    throw invalidCertificate()
  }
  let sat: Certificate
  let x509: X509Certificate
  try {
    sat = new Certificate(der.toString("base64"))
    x509 = new X509Certificate(der)
  } catch (e) {
    throw invalidCertificate((e as Error).message)
  }
  let rfc = ""
  try {
    rfc = (sat.rfc() ?? "").trim().toUpperCase()
  } catch {
    rfc = ""
  }
  const serial = sat.serialNumber()
  const parsed = sat.parsed() as unknown as { subject: { attributes: Attr[] }; issuer: { attributes: Attr[] } }
  const cn = parsed.subject.attributes.find((a) => a.shortName === "CN")?.value
  return {
    serial: serial.bytesArePrintable() ? serial.bytes() : serial.hexadecimal(),
    serial_hex: serial.hexadecimal().toLowerCase(),
    rfc,
    subject_name: decode(String(sat.legalName() ?? cn ?? "")),
    subject: dn(parsed.subject.attributes),
    issuer: dn(parsed.issuer.attributes),
    kind: sat.satType().isFiel() ? "efirma" : "csd",
    valid_from: new Date(x509.validFrom),
    valid_to: new Date(x509.validTo),
    der_base64: der.toString("base64"),
    x509,
  }
}
