import { X509Certificate } from "node:crypto"
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { delimiter, extname, join } from "node:path"
import { efirmaError, EFIRMA_ERRORS } from "../errors"

export type TrustedCa = { x509: X509Certificate; subject: string; source: string }

export type TrustStore = { source: string; authorities: TrustedCa[] }

const CERT_EXT = new Set([".cer", ".crt", ".pem", ".der"])
const PEM_RE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

function certificatesIn(file: string): X509Certificate[] {
  const bytes = readFileSync(file)
  const pems = bytes.toString("latin1").match(PEM_RE)
  if (pems) {
    return pems.map((p) => new X509Certificate(p))
  }
  return [new X509Certificate(bytes)]
}

function filesOf(path: string): string[] {
  if (!existsSync(path)) {
    throw efirmaError(EFIRMA_ERRORS.CONFIGURACION_EFIRMA, `No se encontró el paquete de certificados de la AC (EFIRMA_CA_BUNDLE): ${path}.`)
  }
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => CERT_EXT.has(extname(f).toLowerCase()))
      .sort()
      .map((f) => join(path, f))
  }
  return [path]
}

/**
 * Loads the trusted certification authorities from a list of files and/or
 * directories separated by the platform's path delimiter (":" on Unix). Each
 * file is PEM (one or more certificates) or one DER certificate; directories
 * contribute their *.cer, *.crt, *.pem and *.der files (not recursive).
 * Every certificate in the bundle is a trust anchor: SAT's intermediate
 * authorities can be listed directly.
 */
export function loadTrustStore(source: string): TrustStore {
  const authorities: TrustedCa[] = []
  for (const path of source.split(delimiter).filter(Boolean)) {
    for (const file of filesOf(path)) {
      let certs: X509Certificate[]
      try {
        certs = certificatesIn(file)
      } catch (e) {
        throw efirmaError(
          EFIRMA_ERRORS.CONFIGURACION_EFIRMA,
          `El archivo ${file} del paquete de AC no es un certificado X.509: ${(e as Error).message}.`,
        )
      }
      for (const x509 of certs) {
        if (x509.ca) {
          authorities.push({ x509, subject: x509.subject, source: file })
        }
      }
    }
  }
  if (!authorities.length) {
    throw efirmaError(
      EFIRMA_ERRORS.CONFIGURACION_EFIRMA,
      `El paquete de AC (${source}) no contiene certificados de autoridad certificadora.`,
    )
  }
  return { source, authorities }
}

/**
 * The authority of the store that issued `cert` (names match and the
 * signature verifies with its key) and was itself valid at `at`, or null.
 */
export function findTrustedIssuer(cert: X509Certificate, store: TrustStore, at: Date): TrustedCa | null {
  for (const ca of store.authorities) {
    const from = new Date(ca.x509.validFrom).getTime()
    const to = new Date(ca.x509.validTo).getTime()
    if (at.getTime() < from || at.getTime() > to) {
      continue
    }
    try {
      if (cert.checkIssued(ca.x509) && cert.verify(ca.x509.publicKey)) {
        return ca
      }
    } catch {
      // A malformed or non-RSA anchor cannot have issued this certificate.
    }
  }
  return null
}

const cache = new Map<string, { stamp: string; store: TrustStore }>()

function stampOf(source: string): string {
  return source
    .split(delimiter)
    .filter(Boolean)
    .map((p) => (existsSync(p) ? `${p}@${statSync(p).mtimeMs}` : `${p}@-`))
    .join("|")
}

/** loadTrustStore with a cache that reloads when a listed path changes. */
export function trustStoreFor(source: string): TrustStore {
  const stamp = stampOf(source)
  const hit = cache.get(source)
  if (hit && hit.stamp === stamp) {
    return hit.store
  }
  const store = loadTrustStore(source)
  cache.set(source, { stamp, store })
  return store
}
