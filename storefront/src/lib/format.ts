/** Display helpers (es-MX); shared by server and client components. */

const STATUS_ES: Record<string, string> = {
  draft: "Borrador",
  pending_signatures: "Pendiente de firmas",
  partially_signed: "Firmado por una de las partes",
  in_force: "Vigente (firmado por ambas partes)",
  cancelled: "Cancelado",
}

export function statusLabel(status: string): string {
  return STATUS_ES[status] ?? status
}

export function kindLabel(kind: string): string {
  return kind === "amendment" ? "Convenio modificatorio" : "Contrato específico"
}

/** "1234.5" → "$1,234.50" (display only; amounts travel as decimal strings). */
export function money(amount: string | null | undefined, currency = "MXN"): string {
  if (amount === null || amount === undefined || amount === "") {
    return "—"
  }
  const [int, dec = ""] = String(amount).replace(/^-/, "").split(".")
  const sign = String(amount).startsWith("-") ? "-" : ""
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${sign}$${grouped}.${(dec + "00").slice(0, 2)} ${currency.toUpperCase()}`
}

const DATE_TIME = new Intl.DateTimeFormat("es-MX", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "America/Mexico_City",
})
const DATE = new Intl.DateTimeFormat("es-MX", { dateStyle: "long", timeZone: "America/Mexico_City" })

/** Date and time in Mexico City, e.g. "22 de noviembre de 2026, 10:15". */
export function dateTime(v: string | Date | null | undefined): string {
  return v ? DATE_TIME.format(new Date(v)) : "—"
}

export function date(v: string | Date | null | undefined): string {
  return v ? DATE.format(new Date(v)) : "—"
}

export function signatureRoleLabel(role: string): string {
  return role === "supplier" ? "Proveedor" : "Dependencia"
}

const DAY = new Intl.DateTimeFormat("es-MX", { dateStyle: "long", timeZone: "UTC" })

/** A calendar date "AAAA-MM-DD" as written (no time-zone shift). */
export function day(v: string | null | undefined): string {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? DAY.format(new Date(`${v}T00:00:00Z`)) : "—"
}

const MXN = new Intl.NumberFormat("es-MX", { style: "currency", currency: "MXN" })

/**
 * A decimal string in pesos as es-MX currency, e.g. "1234.5" → "$1,234.50".
 * Display only: Intl formats the decimal string itself (no float arithmetic).
 */
export function pesos(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || !/^-?\d+(\.\d+)?$/.test(amount)) {
    return "—"
  }
  return MXN.format(amount as unknown as number)
}

/** Cheapest–dearest offer, one price when they are the same. */
export function priceRange(min: string | null, max: string | null): string {
  if (min === null) {
    return "Sin precio"
  }
  return max === null || pesos(min) === pesos(max) ? `${pesos(min)} MXN` : `${pesos(min)} a ${pesos(max)} MXN`
}

const MICRO = 1_000_000n

/** A non-negative decimal string as millionths of a peso (exact, no float). */
function micros(amount: string): bigint | null {
  const m = /^(\d+)(?:\.(\d{1,6}))?$/.exec(amount.trim())
  return m ? BigInt(m[1]) * MICRO + BigInt((m[2] ?? "").padEnd(6, "0")) : null
}

/** IVA rate in percent of a framework item's treatment (LIVA arts. 1 and 2-A). */
export function ivaPercent(treatment: string): bigint {
  return treatment === "tasa_16" ? 16n : 0n
}

/**
 * A unit price before IVA plus its IVA, rounded half up to the centavo, as
 * a decimal string ("49.90", tasa_16 → "57.88"). Exact integer arithmetic.
 */
export function priceWithIva(price: string | number, treatment: string): string | null {
  const p = micros(String(price))
  if (p === null) {
    return null
  }
  return fromCentavos((p * (100n + ivaPercent(treatment)) + 500_000n) / MICRO)
}

/** A Medusa amount (number or decimal string) as es-MX currency. */
export function amount(v: number | string | null | undefined): string {
  if (v === null || v === undefined) {
    return "—"
  }
  const s = typeof v === "number" ? v.toFixed(2) : v
  return pesos(s)
}

/** Whole centavos as a decimal string, e.g. 123456n → "1234.56". */
function fromCentavos(c: bigint): string {
  return `${c / 100n}.${String(c % 100n).padStart(2, "0")}`
}

/**
 * A line's amounts as the requisition and the CFDI compute them: importe =
 * quantity × unit price, IVA = importe × rate, each rounded half up to the
 * centavo (per concept); exact integer arithmetic on millionths of a peso.
 */
export function lineAmounts(
  unitPrice: string | number,
  quantity: number,
  treatment: string,
): { subtotal: string; iva: string; total: string } | null {
  const p = micros(typeof unitPrice === "number" ? unitPrice.toFixed(6) : unitPrice)
  if (p === null || !Number.isInteger(quantity) || quantity < 0) {
    return null
  }
  const subtotal = (p * BigInt(quantity) + 5_000n) / 10_000n
  const iva = (subtotal * ivaPercent(treatment) + 50n) / 100n
  return { subtotal: fromCentavos(subtotal), iva: fromCentavos(iva), total: fromCentavos(subtotal + iva) }
}

/** Sum of decimal strings with two decimals, exact. */
export function sumAmounts(values: string[]): string {
  return fromCentavos(values.reduce((acc, v) => acc + (micros(v) ?? 0n) / 10_000n, 0n))
}

/** A facet's count as the buyer reads it: an estimate says so ("aprox. 1,200"), an exact count is the number. */
export function facetCount(count: number, approximate: boolean): string {
  const n = count.toLocaleString("es-MX")
  return approximate ? `aprox. ${n}` : n
}
