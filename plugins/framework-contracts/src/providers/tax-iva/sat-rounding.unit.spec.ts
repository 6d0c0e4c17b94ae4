import { BigNumber, decorateCartTotals, MathBN } from "@medusajs/framework/utils"
import fc from "fast-check"
import { currencyDecimals, satConceptIva, satEffectiveRate } from "./sat-rounding"

/** The oracle, in integer centavos: importe = price × quantity; IVA = importe × rate / 100, half-up. */
const ivaCentavos = (priceCentavos: bigint, quantity: bigint, rate: bigint) => {
  const importe = priceCentavos * quantity
  return { importe, iva: (importe * rate + 50n) / 100n }
}
const pesos = (centavos: bigint) => `${centavos / 100n}.${String(centavos % 100n).padStart(2, "0")}`

/** An order line as the order module keeps it: the tax line's rate stored as a big number (20 digits). */
const orderLine = (id: string, priceCentavos: bigint, quantity: bigint, rate: number) => ({
  id,
  unit_price: new BigNumber(pesos(priceCentavos)),
  quantity: new BigNumber(Number(quantity)),
  tax_lines: [{ rate: new BigNumber(satEffectiveRate(pesos(priceCentavos), Number(quantity), rate)), code: "002-Tasa-0.160000" }],
})

const line = fc.record({
  // two decimals (the catalog's prices); a line up to 10¹¹ MXN (a hundred billion pesos)
  price: fc.bigInt({ min: 1n, max: 9_999_999_99n }),
  quantity: fc.bigInt({ min: 1n, max: 10_000n }),
  rate: fc.constantFrom(16, 0),
})

describe("SAT per-concept IVA in Medusa's order totals", () => {
  it("rounds each concept's IVA half-up to centavos", () => {
    expect(satConceptIva("314.30", 1, 16)).toBe("50.29") // 50.288
    expect(satConceptIva("10.03", 1, 16)).toBe("1.60") // 1.6048
    expect(satConceptIva("0.03", 1, 16)).toBe("0.00") // 0.0048
    expect(satConceptIva("0.25", 2, 16)).toBe("0.08") // 0.08 exactly
    expect(satConceptIva("3.33", 3, 0)).toBe("0.00")
    expect(currencyDecimals("mxn")).toBe(2)
    expect(currencyDecimals("jpy")).toBe(0)
  })

  it("keeps the legal rate when the IVA needs no rounding", () => {
    expect(satEffectiveRate("49.90", 10, 16)).toBe("16") // 79.84 exactly
    expect(satEffectiveRate("314.30", 1, 0)).toBe("0")
    expect(satEffectiveRate("314.30", 1, 16)).not.toBe("16")
  })

  it("without it Medusa's order total misses the contract's by fractions of a centavo (the defect it fixes)", () => {
    const unrounded = decorateCartTotals({
      currency_code: "mxn",
      items: [
        { id: "a", unit_price: new BigNumber("314.30"), quantity: new BigNumber(1), tax_lines: [{ rate: new BigNumber(16), code: "x" }] },
      ],
    } as never)
    expect(MathBN.convert(unrounded.tax_total).toString()).toBe("50.288")
    const fixed = decorateCartTotals({ currency_code: "mxn", items: [orderLine("a", 31430n, 1n, 16)] } as never)
    expect(Number(fixed.tax_total)).toBe(50.29)
    expect(Number(fixed.total)).toBe(364.59)
  })

  it("property: every line's IVA, the order's tax_total and total equal the SAT-rounded contract amounts to the centavo", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const items = lines.map((l, i) => orderLine(`l${i}`, l.price, l.quantity, l.rate))
        const totals = decorateCartTotals({ currency_code: "mxn", items } as never)
        let ivaSum = 0n
        let importeSum = 0n
        lines.forEach((l, i) => {
          const { importe, iva } = ivaCentavos(l.price, l.quantity, BigInt(l.rate))
          ivaSum += iva
          importeSum += importe
          const item = (totals.items as { id: string; tax_total: unknown; subtotal: unknown }[]).find((x) => x.id === `l${i}`)!
          // within 10⁻⁶ of a centavo of the rounded IVA, so it is that IVA at any displayed precision
          expect(
            MathBN.convert(item.tax_total as never)
              .minus(pesos(iva))
              .abs()
              .lt("0.00000001"),
          ).toBe(true)
          expect(
            MathBN.convert(item.tax_total as never)
              .decimalPlaces(2, 4)
              .toFixed(2),
          ).toBe(pesos(iva))
          expect(Number(item.tax_total)).toBe(Number(pesos(iva)))
          expect(MathBN.convert(item.subtotal as never).toFixed(2)).toBe(pesos(importe))
        })
        expect(
          MathBN.convert(totals.tax_total as never)
            .decimalPlaces(2, 4)
            .toFixed(2),
        ).toBe(pesos(ivaSum))
        expect(Number(totals.tax_total)).toBe(Number(pesos(ivaSum)))
        expect(Number(totals.total)).toBe(Number(pesos(importeSum + ivaSum)))
      }),
      { numRuns: 200 },
    )
  })
})
