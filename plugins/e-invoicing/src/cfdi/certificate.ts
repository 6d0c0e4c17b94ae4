import { Certificate } from "@nodecfdi/credentials/node"
import { verify, X509Certificate } from "node:crypto"

/** A certificate embedded in (or referenced by) a CFDI, read with @nodecfdi/credentials. */
export type CfdiCertificate = {
  /** SAT's NoCertificado: the serial's bytes as ASCII (20 digits). */
  serial: string
  rfc: string
  legal_name: string
  kind: "csd" | "efirma"
  valid_from: Date
  valid_to: Date
  x509: X509Certificate
  sat: Certificate
}

/** Reads a base64 DER certificate (Comprobante/@Certificado); null when it is not one. */
export function readCertificate(base64: string | null | undefined): CfdiCertificate | null {
  const b64 = (base64 ?? "").replace(/\s+/g, "")
  if (!b64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    return null
  }
  try {
    const der = Buffer.from(b64, "base64")
    const sat = new Certificate(der.toString("binary"))
    const x509 = new X509Certificate(der)
    const serial = sat.serialNumber()
    return {
      serial: serial.bytesArePrintable() ? serial.bytes() : serial.hexadecimal(),
      rfc: (sat.rfc() ?? "").trim().toUpperCase(),
      legal_name: sat.legalName() ?? "",
      kind: sat.satType().isFiel() ? "efirma" : "csd",
      valid_from: new Date(x509.validFrom),
      valid_to: new Date(x509.validTo),
      x509,
      sat,
    }
  } catch {
    return null
  }
}

/**
 * RSASSA-PKCS1-v1_5 / SHA-256 over the UTF-8 bytes of `text` with the
 * certificate's public key (node:crypto: @nodecfdi/credentials hashes the
 * string's char codes, which is wrong for accented text).
 */
export function verifySha256(cert: CfdiCertificate, text: string, signatureBase64: string | null | undefined): boolean {
  const sig = (signatureBase64 ?? "").replace(/\s+/g, "")
  if (!sig || !/^[A-Za-z0-9+/]+={0,2}$/.test(sig)) {
    return false
  }
  try {
    return verify("sha256", Buffer.from(text, "utf8"), cert.x509.publicKey, Buffer.from(sig, "base64"))
  } catch {
    return false
  }
}

/** True when a trusted authority issued `cert` and was valid at `at` (empty list: not checked). */
export function issuedByTrusted(cert: X509Certificate, authorities: readonly X509Certificate[], at: Date): boolean {
  return authorities.some((ca) => {
    const from = new Date(ca.validFrom).getTime()
    const to = new Date(ca.validTo).getTime()
    try {
      return at.getTime() >= from && at.getTime() <= to && cert.checkIssued(ca) && cert.verify(ca.publicKey)
    } catch {
      return false
    }
  })
}
