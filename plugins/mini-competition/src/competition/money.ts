import { MedusaError } from "@medusajs/framework/utils"
/** Exact money in centavos (BigInt) for decimal strings with at most two decimals. */
export function toCentavos(amount: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(amount).trim())
  if (!m) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Importe no válido: ${amount}`, "IMPORTE_NO_VALIDO")
  }
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"))
}

export function fromCentavos(c: bigint): string {
  const sign = c < 0n ? "-" : ""
  const abs = c < 0n ? -c : c
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`
}

/** Normalises a stored amount (number or string, e.g. a bigNumber column) to two decimals. */
export function fixed2(v: unknown): string {
  const s = String(v)
  if (/^\d+(\.\d{1,2})?$/.test(s)) {
    return fromCentavos(toCentavos(s))
  }
  const n = Number(s)
  return fromCentavos(BigInt(Math.round(n * 100)))
}
