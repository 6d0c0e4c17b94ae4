import { MathBN } from "@medusajs/framework/utils"

type Amount = Parameters<typeof MathBN.convert>[0]

/** Decimals of a currency's minor unit (MXN → 2), as ISO 4217 / Intl know them. */
export function currencyDecimals(currencyCode: string | null | undefined): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency: (currencyCode || "mxn").toUpperCase() }).resolvedOptions()
        .maximumFractionDigits ?? 2
    )
  } catch {
    return 2
  }
}

/**
 * IVA of one concept as CFDI 4.0 computes it: Importe = quantity × unit
 * price; IVA = Importe × rate, rounded half-up to the currency's decimals.
 * Returned as a decimal string.
 */
export function satConceptIva(unitPrice: Amount, quantity: Amount, ratePercent: Amount, decimals = 2): string {
  const importe = MathBN.mult(MathBN.convert(unitPrice), MathBN.convert(quantity)).decimalPlaces(decimals, 4 /* ROUND_HALF_UP */)
  return MathBN.mult(importe, MathBN.div(MathBN.convert(ratePercent), 100))
    .decimalPlaces(decimals, 4)
    .toFixed(decimals)
}

/**
 * The rate to put on a Medusa tax line so that Medusa's own arithmetic
 * (line subtotal × rate ÷ 100, never rounded) yields the SAT-rounded IVA of
 * the concept: 100 × IVA ÷ subtotal, with 20 significant digits (the
 * precision Medusa stores a tax line's rate with). When the subtotal's IVA
 * needs no rounding (or the subtotal is 0) this is the legal rate itself;
 * otherwise it differs from it by less than half a centavo over the
 * subtotal, and the product differs from the rounded IVA by less than
 * 10⁻¹⁵ of a centavo — below what a total ever shows. The legal rate stays
 * in the tax line's code (SAT TasaOCuota, e.g. 002-Tasa-0.160000).
 */
export function satEffectiveRate(unitPrice: Amount, quantity: Amount, ratePercent: Amount, decimals = 2): string {
  const subtotal = MathBN.mult(MathBN.convert(unitPrice), MathBN.convert(quantity))
  const legal = MathBN.convert(ratePercent)
  if (subtotal.isZero() || legal.isZero()) {
    return legal.toString()
  }
  const iva = MathBN.convert(satConceptIva(unitPrice, quantity, ratePercent, decimals))
  if (MathBN.mult(subtotal, MathBN.div(legal, 100)).eq(iva)) {
    return legal.toString()
  }
  // 100 · IVA / subtotal, to 20 significant digits
  const exact = iva.times(100).div(subtotal)
  return exact.precision(20, 4).toString()
}
