/* global TextDecoder */
// A minimal DER reader: enough to walk PKCS#8 EncryptedPrivateKeyInfo and
// X.509 certificates. Not a general ASN.1 library.

export class DerError extends Error {
  constructor(message) {
    super(message)
    this.name = "DerError"
  }
}

/** Reads one TLV at `offset`: { tag, start (of value), end, header, children? }. */
export function readTlv(bytes, offset = 0) {
  if (offset + 2 > bytes.length) {
    throw new DerError("DER truncado")
  }
  const tag = bytes[offset]
  let len = bytes[offset + 1]
  let header = 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || offset + 2 + n > bytes.length) {
      throw new DerError("longitud DER no soportada")
    }
    len = 0
    for (let i = 0; i < n; i++) {
      len = len * 256 + bytes[offset + 2 + i]
    }
    header += n
  }
  const start = offset + header
  const end = start + len
  if (end > bytes.length) {
    throw new DerError("DER truncado")
  }
  return { tag, offset, start, end, bytes }
}

/** The TLVs directly inside a constructed TLV. */
export function children(tlv) {
  const out = []
  let p = tlv.start
  while (p < tlv.end) {
    const c = readTlv(tlv.bytes, p)
    out.push(c)
    p = c.end
  }
  return out
}

export const value = (tlv) => tlv.bytes.subarray(tlv.start, tlv.end)
export const whole = (tlv) => tlv.bytes.subarray(tlv.offset, tlv.end)

/** Dotted OID text of an OBJECT IDENTIFIER TLV. */
export function oid(tlv) {
  if (tlv.tag !== 0x06) {
    throw new DerError("se esperaba un OID")
  }
  const v = value(tlv)
  const parts = [Math.floor(v[0] / 40), v[0] % 40]
  let n = 0
  for (let i = 1; i < v.length; i++) {
    n = n * 128 + (v[i] & 0x7f)
    if (!(v[i] & 0x80)) {
      parts.push(n)
      n = 0
    }
  }
  return parts.join(".")
}

/** Non-negative INTEGER as a JS number (small values only). */
export function smallInt(tlv) {
  if (tlv.tag !== 0x02) {
    throw new DerError("se esperaba un INTEGER")
  }
  let n = 0
  for (const b of value(tlv)) {
    n = n * 256 + b
  }
  return n
}

/** String types (UTF8String, PrintableString, IA5String, T61, BMP) as text. */
export function text(tlv) {
  const v = value(tlv)
  if (tlv.tag === 0x1e) {
    let s = ""
    for (let i = 0; i + 1 < v.length; i += 2) {
      s += String.fromCharCode(v[i] * 256 + v[i + 1])
    }
    return s
  }
  return new TextDecoder(tlv.tag === 0x0c ? "utf-8" : "latin1").decode(v)
}

/** UTCTime / GeneralizedTime as a Date. */
export function time(tlv) {
  const s = new TextDecoder("latin1").decode(value(tlv))
  const m =
    tlv.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m) {
    throw new DerError("fecha DER no soportada")
  }
  let year = Number(m[1])
  if (tlv.tag === 0x17) {
    year += year < 50 ? 2000 : 1900
  }
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])))
}
