import { MathBN } from "@medusajs/framework/utils"

/** IVA rate of an item's treatment (LIVA art. 1 and 2-A; exempt items carry no tax). */
export const IVA_RATES: Record<string, string> = { tasa_16: "0.16", tasa_0: "0", exento: "0" }

const round2 = (v: ReturnType<typeof MathBN.convert>) => v.decimalPlaces(2, 4 /* ROUND_HALF_UP */)

/**
 * Amounts of one line, computed per concept as CFDI 4.0 does: importe =
 * quantity × unit price, IVA = importe × rate, each rounded to centavos
 * half-up; totals are sums of rounded line amounts.
 */
export function lineAmounts(unitPrice: string, quantity: number, ivaTreatment: string) {
  const rate = IVA_RATES[ivaTreatment] ?? IVA_RATES.tasa_16
  const subtotal = round2(MathBN.mult(MathBN.convert(unitPrice), quantity))
  const iva = round2(MathBN.mult(subtotal, rate))
  return {
    iva_rate: rate,
    subtotal: subtotal.toFixed(2),
    iva: iva.toFixed(2),
    total: subtotal.plus(iva).toFixed(2),
  }
}

export function sumAmounts(values: string[]): string {
  return values.reduce((acc, v) => acc.plus(MathBN.convert(v)), MathBN.convert(0)).toFixed(2)
}

export const gte = (a: string, b: string) => MathBN.gte(MathBN.convert(a), MathBN.convert(b))
export const gt = (a: string, b: string) => MathBN.gt(MathBN.convert(a), MathBN.convert(b))
