import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { createHash, verify as rsaVerify } from "node:crypto"
import { EFIRMA_MODULE } from "../modules/efirma"
import type EfirmaModuleService from "../modules/efirma/service"
import { canonicalJson } from "../utils/canonical-json"
import { sha256Hex } from "../utils/hash"
import { parseCertificate, type ParsedCertificate } from "./certificate"
import { assertAcceptableCertificate } from "./checks"
import { resolveCaBundle } from "./config"
import { efirmaError, EFIRMA_ERRORS } from "../errors"
import { trustStoreFor, type TrustStore } from "./trust-store"

export type SignatureEnvelope = {
  /** Base64 DER of the signer's `.cer`. */
  certificate: string
  /** Base64 RSASSA-PKCS1-v1_5 SHA-256 signature over the UTF-8 canonical JSON of the payload. */
  signature: string
}

export type VerifyEfirmaSignatureInput = {
  person_id: string
  payload: unknown
  envelope: SignatureEnvelope
  /** Moment the signature is judged at (default: now). */
  at?: Date | string
}

export type VerifiedEfirmaSignature = {
  certificate_serial: string
  rfc: string
  subject_name: string
  /** Hex SHA-256 of the canonical JSON that was signed. */
  payload_sha256: string
  signed_at: Date
}

type Resolver = Pick<MedusaContainer, "resolve">

type PersonRow = { id: string; rfc: string; organization_id?: string | null; organization?: { id: string } | null }

/** The person's RFC and organization, from the organizations module. */
export async function loadSigner(
  container: Resolver,
  personId: string,
): Promise<{ id: string; rfc: string; organization_id: string | null }> {
  const orgs = container.resolve<{ listPeople: (f: object, c: object) => Promise<PersonRow[]> }>("organization")
  const [person] = await orgs.listPeople({ id: personId }, { relations: ["organization"], take: 1 })
  if (!person) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `La persona ${personId} no existe en la Tienda Digital.`,
      EFIRMA_ERRORS.PERSONA_NO_ENCONTRADA,
    )
  }
  return { id: person.id, rfc: person.rfc, organization_id: person.organization?.id ?? person.organization_id ?? null }
}

/** The configured trust store (plugin option, EFIRMA_CA_BUNDLE or the dev test CA). */
export async function configuredTrustStore(container: Resolver): Promise<TrustStore> {
  const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
  return trustStoreFor(resolveCaBundle(await service.efirmaOptions()))
}

export function fingerprintOf(cert: ParsedCertificate): string {
  return createHash("sha256").update(Buffer.from(cert.der_base64, "base64")).digest("hex")
}

function signatureBytes(signature: string): Buffer | null {
  const b64 = (signature ?? "").replace(/\s+/g, "")
  if (!b64 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) {
    return null
  }
  return Buffer.from(b64.replace(/-/g, "+").replace(/_/g, "/"), "base64")
}

function invalidSignature(): MedusaError {
  return efirmaError(
    EFIRMA_ERRORS.FIRMA_INVALIDA,
    "La firma electrónica no es válida para este documento: el documento fue modificado después de firmarse o se firmó con una llave privada que no corresponde al certificado.",
  )
}

/**
 * Checks the RSASSA-PKCS1-v1_5/SHA-256 signature (base64) of the UTF-8
 * canonical JSON of `payload` with the certificate's public key; returns the
 * hex SHA-256 of the canonical JSON, or throws FIRMA_INVALIDA. Certificate
 * checks are separate (assertAcceptableCertificate).
 */
export function checkSignature(cert: ParsedCertificate, payload: unknown, signature: string): string {
  const canonical = canonicalJson(payload)
  const sig = signatureBytes(signature)
  let ok = false
  try {
    ok = !!sig && rsaVerify("sha256", Buffer.from(canonical, "utf8"), cert.x509.publicKey, sig)
  } catch {
    ok = false
  }
  if (!ok) {
    throw invalidSignature()
  }
  return sha256Hex(canonical)
}

/**
 * Verifies an e.firma signature of `payload` by `person_id`. In order: the
 * certificate parses, is an e.firma (not a CSD), was issued by a trusted CA,
 * is in force at `at`, carries the person's RFC, is registered to the person
 * and not revoked; then the RSASSA-PKCS1-v1_5/SHA-256 signature verifies over
 * the UTF-8 canonical JSON of the payload. Each failure throws INVALID_DATA
 * with a Spanish message and a stable code (see EFIRMA_ERRORS). No side
 * effects: the caller stores what it needs (serial, signature, digest).
 */
export async function verifyEfirmaSignature(container: Resolver, input: VerifyEfirmaSignatureInput): Promise<VerifiedEfirmaSignature> {
  const at = input.at === undefined ? new Date() : new Date(input.at)
  if (!input.envelope || typeof input.envelope.certificate !== "string" || typeof input.envelope.signature !== "string") {
    throw efirmaError(EFIRMA_ERRORS.FIRMA_INVALIDA, "Falta la firma electrónica: envía el certificado y la firma.")
  }
  const cert = parseCertificate(input.envelope.certificate)
  const signer = await loadSigner(container, input.person_id)
  assertAcceptableCertificate(cert, { person_rfc: signer.rfc, trust: await configuredTrustStore(container), at })

  const service = container.resolve<EfirmaModuleService>(EFIRMA_MODULE)
  const [registered] = await service.listEfirmaCertificates({ serial: cert.serial, person_id: signer.id }, { take: 1 })
  if (!registered || registered.fingerprint_sha256 !== fingerprintOf(cert)) {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_NO_REGISTRADO,
      `El certificado ${cert.serial} no está registrado a tu nombre en la Tienda Digital; regístralo antes de firmar.`,
    )
  }
  if (registered.status === "revoked" && (!registered.revoked_at || new Date(registered.revoked_at) <= at)) {
    throw efirmaError(
      EFIRMA_ERRORS.CERTIFICADO_REVOCADO,
      `El certificado ${cert.serial} fue revocado${registered.revoked_at ? ` el ${new Date(registered.revoked_at).toISOString().slice(0, 10)}` : ""}; registra un certificado vigente para firmar.`,
    )
  }

  const payloadSha256 = checkSignature(cert, input.payload, input.envelope.signature)
  return {
    certificate_serial: cert.serial,
    rfc: cert.rfc,
    subject_name: cert.subject_name,
    payload_sha256: payloadSha256,
    signed_at: at,
  }
}
