import { MathBN } from "@medusajs/framework/utils"

/** bignumber.js ROUND_HALF_UP: SAT rounds amounts half up to centavos. */
const HALF_UP = 4

export type IvaTreatment = "tasa_16" | "tasa_0" | "exento"

/** IVA rate per treatment (LIVA art. 1 and 2-A; exento has no tax line). */
export const IVA_RATE: Record<IvaTreatment, string> = { tasa_16: "0.16", tasa_0: "0", exento: "0" }

/** Rounds a decimal half up to exactly two decimals, as a string. */
export function round2(value: unknown): string {
  return MathBN.convert(value as string)
    .decimalPlaces(2, HALF_UP)
    .toFixed(2)
}

export type LineAmounts = { subtotal: string; iva: string; total: string }

/**
 * Amounts of one contract line. IVA is computed PER LINE: importe =
 * round(unit price × quantity), IVA = round(importe × rate), each rounded
 * half up to centavos — as CFDI 4.0 computes the tax of each concept (Anexo
 * 20: Base × TasaOCuota per concepto, rounded to the currency's decimals; the
 * document totals are the sums of the concept amounts). The contract's IVA
 * is therefore the sum of the line IVAs, and the future invoice matches the
 * contract centavo for centavo.
 */
export function lineAmounts(unitPrice: string, quantity: number, treatment: IvaTreatment): LineAmounts {
  const subtotal = round2(MathBN.mult(unitPrice, quantity))
  const iva = round2(MathBN.mult(subtotal, IVA_RATE[treatment]))
  return { subtotal, iva, total: round2(MathBN.add(subtotal, iva)) }
}

/** Contract totals: sums of the line amounts (never recomputed on the total). */
export function sumAmounts(lines: LineAmounts[]): LineAmounts {
  const sum = (k: keyof LineAmounts) => round2(lines.reduce((acc, l) => MathBN.add(acc, l[k]), MathBN.convert(0)))
  return { subtotal: sum("subtotal"), iva: sum("iva"), total: sum("total") }
}

/** "$1,234.50" (no currency suffix; the documents say M.N./MXN next to it). */
export function formatPesos(value: unknown): string {
  const fixed = round2(value)
  const negative = fixed.startsWith("-")
  const [int, dec] = fixed.replace("-", "").split(".")
  return `${negative ? "-" : ""}$${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${dec}`
}

/** (b − a) / a × 100, two decimals, as a string ("0.00" when a is zero). */
export function percentChange(from: string, to: string): string {
  if (MathBN.eq(from, 0)) {
    return "0.00"
  }
  return round2(MathBN.mult(MathBN.div(MathBN.sub(to, from), from), 100))
}
