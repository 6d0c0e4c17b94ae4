/* global TextEncoder, atob, btoa */
// Tienda Digital e.firma signing client: a dependency-free ES module for
// browsers (desktop and mobile) and Node >= 20 (WebCrypto). It opens a SAT
// `.key` (encrypted PKCS#8 DER) with its password on the user's device,
// imports it as a non-extractable RSASSA-PKCS1-v1_5/SHA-256 key and signs the
// canonical JSON of a payload. The private key and the password never leave
// the device: only the certificate and the signature are sent.
//
//   const cred = await openCredential({ cer, key, password })   // bytes (Uint8Array/ArrayBuffer) or base64
//   const envelope = await signPayload(cred, payload)          // { certificate, signature }
//
// Supported `.key` encryption: PKCS#5 PBES2 with PBKDF2 (HMAC-SHA1/256/384/
// 512) and AES-128/192/256-CBC (WebCrypto) or DES-EDE3-CBC (SAT's real files;
// built-in implementation, since WebCrypto has no DES). Unencrypted PKCS#8
// is accepted with an empty password.

import { canonicalJson, CanonicalJsonError } from "./canonical-json.mjs"
import { children, DerError, oid, readTlv, smallInt, text, time, value, whole } from "./der.mjs"
import { decryptDesEde3Cbc } from "./des.mjs"

export { canonicalJson, CanonicalJsonError }

export class EfirmaClientError extends Error {
  constructor(code, message) {
    super(message)
    this.name = "EfirmaClientError"
    this.code = code
  }
}

const OID = {
  pbes2: "1.2.840.113549.1.5.13",
  pbkdf2: "1.2.840.113549.1.5.12",
  "1.2.840.113549.2.7": "SHA-1",
  "1.2.840.113549.2.9": "SHA-256",
  "1.2.840.113549.2.10": "SHA-384",
  "1.2.840.113549.2.11": "SHA-512",
  "2.16.840.1.101.3.4.1.2": { name: "AES-CBC", length: 16 },
  "2.16.840.1.101.3.4.1.22": { name: "AES-CBC", length: 24 },
  "2.16.840.1.101.3.4.1.42": { name: "AES-CBC", length: 32 },
  "1.2.840.113549.3.7": { name: "DES-EDE3-CBC", length: 24 },
}

function subtle() {
  const s = globalThis.crypto && globalThis.crypto.subtle
  if (!s) {
    throw new EfirmaClientError(
      "WEBCRYPTO_NO_DISPONIBLE",
      "Este navegador no ofrece WebCrypto (se requiere una página servida por HTTPS o localhost).",
    )
  }
  return s
}

// ---------------------------------------------------------------- bytes

/** Base64 (standard or URL-safe, PEM accepted) or bytes → Uint8Array. */
export function toBytes(input) {
  if (input instanceof Uint8Array) {
    return input
  }
  if (input instanceof ArrayBuffer) {
    return new Uint8Array(input)
  }
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
  }
  if (typeof input === "string") {
    const b64 = input
      .replace(/-----[^-]+-----/g, "")
      .replace(/\s+/g, "")
      .replace(/-/g, "+")
      .replace(/_/g, "/")
    const bin = atob(b64)
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i)
    }
    return out
  }
  throw new EfirmaClientError("DATOS_INVALIDOS", "Se esperaban bytes (Uint8Array/ArrayBuffer) o texto base64.")
}

/** Uint8Array → standard base64. */
export function toBase64(bytes) {
  const b = toBytes(bytes)
  let bin = ""
  for (let i = 0; i < b.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000))
  }
  return btoa(bin)
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")
}

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export async function sha256Hex(data) {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : toBytes(data)
  return hex(new Uint8Array(await subtle().digest("SHA-256", bytes)))
}

// ---------------------------------------------------------------- .key

function badKey(detail) {
  return new EfirmaClientError("LLAVE_INVALIDA", `El archivo no es una llave privada .key del SAT (PKCS#8)${detail ? `: ${detail}` : ""}.`)
}

function wrongPassword() {
  return new EfirmaClientError(
    "CONTRASENA_INCORRECTA",
    "No se pudo abrir la llave privada: la contraseña es incorrecta o el archivo .key está dañado.",
  )
}

/** Parses EncryptedPrivateKeyInfo with PBES2; returns its parameters. */
function pbes2Params(der) {
  const [alg, data] = children(readTlv(der))
  const [algOid, params] = children(alg)
  if (oid(algOid) !== OID.pbes2) {
    throw new EfirmaClientError(
      "FORMATO_DE_LLAVE_NO_SOPORTADO",
      `La llave está cifrada con un esquema no soportado (${oid(algOid)}); se requiere PKCS#5 PBES2.`,
    )
  }
  const [kdf, enc] = children(params)
  const [kdfOid, kdfParams] = children(kdf)
  if (oid(kdfOid) !== OID.pbkdf2) {
    throw new EfirmaClientError("FORMATO_DE_LLAVE_NO_SOPORTADO", "La llave usa una derivación de clave distinta de PBKDF2.")
  }
  const kp = children(kdfParams)
  const salt = value(kp[0])
  const iterations = smallInt(kp[1])
  let hash = "SHA-1"
  for (const extra of kp.slice(2)) {
    if (extra.tag === 0x30) {
      hash = OID[oid(children(extra)[0])]
    }
  }
  const [encOid, iv] = children(enc)
  const cipher = OID[oid(encOid)]
  if (!cipher || typeof cipher !== "object" || !hash || typeof hash !== "string") {
    throw new EfirmaClientError(
      "FORMATO_DE_LLAVE_NO_SOPORTADO",
      `La llave usa un cifrado no soportado (${oid(encOid)}); se aceptan AES-CBC y DES-EDE3-CBC.`,
    )
  }
  return { salt, iterations, hash, cipher, iv: value(iv), data: value(data) }
}

async function decryptPkcs8(der, password) {
  const p = pbes2Params(der)
  const s = subtle()
  const pw = await s.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"])
  const keyBytes = new Uint8Array(
    await s.deriveBits({ name: "PBKDF2", salt: p.salt, iterations: p.iterations, hash: p.hash }, pw, p.cipher.length * 8),
  )
  if (p.cipher.name === "DES-EDE3-CBC") {
    const plain = decryptDesEde3Cbc(keyBytes, p.iv, p.data)
    if (!plain) {
      throw wrongPassword()
    }
    return plain
  }
  try {
    const k = await s.importKey("raw", keyBytes, "AES-CBC", false, ["decrypt"])
    return new Uint8Array(await s.decrypt({ name: "AES-CBC", iv: p.iv }, k, p.data))
  } catch {
    throw wrongPassword()
  }
}

/** True when `der` is a plain PrivateKeyInfo (SEQUENCE starting with INTEGER 0). */
function isPlainPkcs8(der) {
  const first = children(readTlv(der))[0]
  return first && first.tag === 0x02
}

/**
 * Opens a SAT `.key` (encrypted PKCS#8 DER, or PEM) with its password and
 * imports it as a non-extractable WebCrypto RSASSA-PKCS1-v1_5/SHA-256 key.
 */
export async function openPrivateKey(key, password) {
  let der
  try {
    der = toBytes(key)
    readTlv(der)
  } catch (e) {
    throw badKey(e instanceof DerError ? e.message : "")
  }
  let pkcs8
  try {
    pkcs8 = isPlainPkcs8(der) ? der : await decryptPkcs8(der, password ?? "")
  } catch (e) {
    if (e instanceof EfirmaClientError) {
      throw e
    }
    throw badKey(e && e.message)
  }
  try {
    return await subtle().importKey("pkcs8", pkcs8, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"])
  } catch {
    throw wrongPassword()
  }
}

// ---------------------------------------------------------------- .cer

/**
 * Reads what a person needs to see of a `.cer` before signing: SAT serial
 * (NoCertificado), RFC, name, validity, whether it is a CSD. Display only: the
 * server re-checks everything.
 */
export function describeCertificate(cer) {
  const der = toBytes(cer)
  try {
    const tbs = children(children(readTlv(der))[0])
    const i = tbs[0].tag === 0xa0 ? 1 : 0
    const serialBytes = value(tbs[i])
    const subject = {}
    for (const rdn of children(tbs[i + 4])) {
      for (const atv of children(rdn)) {
        const [t, v] = children(atv)
        subject[oid(t)] = text(v)
      }
    }
    const [nb, na] = children(tbs[i + 3])
    const ascii = String.fromCharCode(...serialBytes)
    return {
      serial: /^[\x20-\x7e]+$/.test(ascii) ? ascii : hex(serialBytes),
      rfc: (subject["2.5.4.45"] ?? "").split(" ")[0].trim().toUpperCase(),
      name: subject["2.5.4.41"] ?? subject["2.5.4.3"] ?? "",
      is_csd: subject["2.5.4.11"] !== undefined,
      valid_from: time(nb),
      valid_to: time(na),
      spki: whole(tbs[i + 5]),
    }
  } catch {
    throw new EfirmaClientError("CERTIFICADO_INVALIDO", "El archivo no es un certificado X.509 (.cer del SAT).")
  }
}

// ---------------------------------------------------------------- signing

/** RSASSA-PKCS1-v1_5/SHA-256 signature of the UTF-8 canonical JSON of `payload`, base64. */
export async function signCanonical(privateKey, payload) {
  const bytes = new TextEncoder().encode(canonicalJson(payload))
  const sig = await subtle().sign({ name: "RSASSA-PKCS1-v1_5" }, privateKey, bytes)
  return toBase64(new Uint8Array(sig))
}

/** Verifies a signature with the certificate's public key (client-side pre-check). */
export async function verifyCanonical(cer, payload, signature) {
  const { spki } = describeCertificate(cer)
  const pub = await subtle().importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"])
  return subtle().verify({ name: "RSASSA-PKCS1-v1_5" }, pub, toBytes(signature), new TextEncoder().encode(canonicalJson(payload)))
}

/**
 * Opens `.cer` + `.key` + password, and checks that the key belongs to the
 * certificate and that the certificate is an e.firma in force today. Returns
 * a credential for signPayload; keep it in memory only.
 */
export async function openCredential({ cer, key, password }) {
  const certificate = toBytes(cer)
  const info = describeCertificate(certificate)
  const privateKey = await openPrivateKey(key, password)
  const probe = { comprobacion: "tienda-digital", t: Date.now() }
  if (!(await verifyCanonical(certificate, probe, await signCanonical(privateKey, probe)))) {
    throw new EfirmaClientError("LLAVE_NO_CORRESPONDE", "La llave privada no corresponde al certificado (.cer) seleccionado.")
  }
  return { certificate, privateKey, info }
}

/**
 * Signs `payload` (any JSON value) and returns the envelope the server
 * verifies: { certificate: base64 DER, signature: base64 }.
 */
export async function signPayload(credential, payload) {
  return {
    certificate: toBase64(credential.certificate),
    signature: await signCanonical(credential.privateKey, payload),
  }
}
