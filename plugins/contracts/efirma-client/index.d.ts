/** Tienda Digital e.firma signing client (browser, mobile and Node >= 20 WebCrypto). */

export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView | string

/** What the server verifies (`verifyEfirmaSignature`). */
export type SignatureEnvelope = {
  /** Base64 DER of the signer's `.cer`. */
  certificate: string
  /** Base64 RSASSA-PKCS1-v1_5 SHA-256 over the UTF-8 canonical JSON of the payload. */
  signature: string
}

export type CertificateInfo = {
  /** SAT NoCertificado (20 digits) or hex serial. */
  serial: string
  rfc: string
  name: string
  /** A CSD (sello digital) cannot sign: only e.firma can. */
  is_csd: boolean
  valid_from: Date
  valid_to: Date
  spki: Uint8Array
}

export type EfirmaCredential = {
  certificate: Uint8Array
  /** Non-extractable WebCrypto key. */
  privateKey: CryptoKey
  info: CertificateInfo
}

export class EfirmaClientError extends Error {
  code:
    | "WEBCRYPTO_NO_DISPONIBLE"
    | "DATOS_INVALIDOS"
    | "LLAVE_INVALIDA"
    | "CONTRASENA_INCORRECTA"
    | "FORMATO_DE_LLAVE_NO_SOPORTADO"
    | "CERTIFICADO_INVALIDO"
    | "LLAVE_NO_CORRESPONDE"
}

export class CanonicalJsonError extends Error {
  code: "JSON_CANONICO_INVALIDO"
}

/** Canonical JSON, byte-identical to the server's. */
export function canonicalJson(value: unknown): string
export function toBytes(input: Bytes): Uint8Array
export function toBase64(bytes: Bytes): string
export function sha256Hex(data: string | Bytes): Promise<string>
export function openPrivateKey(key: Bytes, password: string): Promise<CryptoKey>
export function describeCertificate(cer: Bytes): CertificateInfo
export function signCanonical(privateKey: CryptoKey, payload: unknown): Promise<string>
export function verifyCanonical(cer: Bytes, payload: unknown, signature: string): Promise<boolean>
export function openCredential(input: { cer: Bytes; key: Bytes; password: string }): Promise<EfirmaCredential>
export function signPayload(credential: EfirmaCredential, payload: unknown): Promise<SignatureEnvelope>
