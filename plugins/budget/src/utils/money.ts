import { MathBN } from "@medusajs/framework/utils"

/** Amounts travel as decimal strings with at most 2 decimals (centavos). */
export const AMOUNT_PATTERN = /^(?:0|[1-9]\d{0,14})(?:\.\d{1,2})?$/

/** True when `value` is a positive decimal amount with at most 2 decimals. */
export function isPositiveAmount(value: string): boolean {
  return AMOUNT_PATTERN.test(value) && MathBN.gt(value, 0)
}

/** Normalises a decimal amount to exactly two decimals, e.g. "12.5" → "12.50". */
export function toCentavos(value: unknown): string {
  return MathBN.convert(value as string).toFixed(2)
}

/** Formats an amount as Mexican pesos for messages, e.g. "$1,234.50 MXN". */
export function formatMxn(value: unknown): string {
  const fixed = toCentavos(value)
  const [int, dec] = fixed.replace("-", "").split(".")
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${fixed.startsWith("-") ? "-" : ""}$${grouped}.${dec} MXN`
}

export type StageBalances = {
  modificado: unknown
  reservado: unknown
  comprometido: unknown
  devengado: unknown
  ejercido: unknown
  pagado: unknown
}

/** disponible = modificado − reservado − comprometido − devengado − ejercido − pagado. */
export function disponible(k: StageBalances): string {
  const used = MathBN.add(
    MathBN.add(MathBN.add(k.reservado as string, k.comprometido as string), k.devengado as string),
    MathBN.add(k.ejercido as string, k.pagado as string),
  )
  return MathBN.sub(k.modificado as string, used).toFixed(2)
}
