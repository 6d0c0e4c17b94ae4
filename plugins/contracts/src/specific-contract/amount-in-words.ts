import { MedusaError } from "@medusajs/framework/utils"

const UNITS = [
  "cero",
  "uno",
  "dos",
  "tres",
  "cuatro",
  "cinco",
  "seis",
  "siete",
  "ocho",
  "nueve",
  "diez",
  "once",
  "doce",
  "trece",
  "catorce",
  "quince",
  "dieciséis",
  "diecisiete",
  "dieciocho",
  "diecinueve",
  "veinte",
  "veintiuno",
  "veintidós",
  "veintitrés",
  "veinticuatro",
  "veinticinco",
  "veintiséis",
  "veintisiete",
  "veintiocho",
  "veintinueve",
]
const TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"]
const HUNDREDS = [
  "",
  "ciento",
  "doscientos",
  "trescientos",
  "cuatrocientos",
  "quinientos",
  "seiscientos",
  "setecientos",
  "ochocientos",
  "novecientos",
]

function below100(n: number): string {
  if (n < 30) {
    return UNITS[n]
  }
  const u = n % 10
  return u ? `${TENS[Math.floor(n / 10)]} y ${UNITS[u]}` : TENS[n / 10]
}

/** 1..999 in words ("" for 0). */
function below1000(n: number): string {
  if (n === 0) {
    return ""
  }
  if (n === 100) {
    return "cien"
  }
  const h = Math.floor(n / 100)
  const r = n % 100
  return [h ? HUNDREDS[h] : "", r ? below100(r) : ""].filter(Boolean).join(" ")
}

/** "uno" becomes "un" before a noun: un peso, veintiún mil, treinta y un millones. */
function apocope(words: string): string {
  return words.replace(/veintiuno$/, "veintiún").replace(/uno$/, "un")
}

/** 0..999,999 in words ("" for 0). */
function belowMillion(n: number): string {
  const thousands = Math.floor(n / 1000)
  const rest = n % 1000
  const head = thousands === 0 ? "" : thousands === 1 ? "mil" : `${apocope(below1000(thousands))} mil`
  return [head, below1000(rest)].filter(Boolean).join(" ")
}

/**
 * A non-negative integer below one billion (10^12, "un billón") in Spanish
 * words, e.g. 1_234_567 → "un millón doscientos treinta y cuatro mil
 * quinientos sesenta y siete". Long scale: 10^9 is "mil millones".
 */
export function integerToWordsEs(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "El importe no se puede escribir con letra: debe ser un entero entre 0 y 999,999,999,999.",
      "IMPORTE_FUERA_DE_RANGO",
    )
  }
  if (n === 0) {
    return "cero"
  }
  const millions = Math.floor(n / 1e6)
  const rest = n % 1e6
  const head = millions === 0 ? "" : millions === 1 ? "un millón" : `${apocope(belowMillion(millions))} millones`
  return [head, belowMillion(rest)].filter(Boolean).join(" ")
}

/**
 * An amount in Mexican pesos the way contracts and CFDI write it:
 * "mil doscientos treinta y cuatro pesos 50/100 M.N.". `amount` is a decimal
 * string with at most two decimals ("1234.5" → 50/100). Exact millions take
 * "de": "un millón de pesos 00/100 M.N.".
 */
export function amountInWordsMxn(amount: string): string {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(String(amount).trim())
  if (!m) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `El importe «${amount}» no se puede escribir con letra: usa un decimal positivo con hasta dos decimales.`,
      "IMPORTE_FUERA_DE_RANGO",
    )
  }
  const n = Number(m[1])
  const cents = (m[2] ?? "").padEnd(2, "0")
  const words = apocope(integerToWordsEs(n))
  const de = n >= 1e6 && n % 1e6 === 0 ? " de" : ""
  return `${words}${de} ${n === 1 ? "peso" : "pesos"} ${cents}/100 M.N.`
}
