import BigNumber from "bignumber.js"

/** Decimal arithmetic for CFDI amounts (bignumber.js, the library behind Medusa's MathBN); never floats. */
export const D = BigNumber.clone({ DECIMAL_PLACES: 12, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })
export type Decimal = BigNumber

const DECIMAL_RE = /^-?\d+(\.\d+)?$/

/** A decimal from a CFDI attribute, or null when absent or not a number. */
export function dec(value: string | null | undefined): Decimal | null {
  if (value === undefined || value === null || !DECIMAL_RE.test(value.trim())) {
    return null
  }
  return new D(value.trim())
}

export const sum = (values: Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), new D(0))

/** Rounded half-up to `decimals` (SAT's rounding of amounts). */
export const round = (v: Decimal, decimals: number): Decimal => v.decimalPlaces(decimals, BigNumber.ROUND_HALF_UP)

/** Fixed-point text with `decimals` places, for messages. */
export const fmt = (v: Decimal, decimals = 2): string => v.toFixed(decimals, BigNumber.ROUND_HALF_UP)

/**
 * SAT's limits for a tax amount (Anexo 20, "límites" of Traslado/@Importe):
 * lower = (Base − ½·10⁻ᵈ) × Tasa truncated, upper = (Base + ½·10⁻ᵈ − 10⁻¹²) × Tasa
 * rounded up, with d the currency's decimals.
 */
export function taxLimits(base: Decimal, rate: Decimal, decimals: number): { lower: Decimal; upper: Decimal } {
  const half = new D(10).pow(-decimals).div(2)
  return {
    lower: base.minus(half).times(rate).decimalPlaces(decimals, BigNumber.ROUND_DOWN),
    upper: base.plus(half).minus("0.000000000001").times(rate).decimalPlaces(decimals, BigNumber.ROUND_UP),
  }
}
