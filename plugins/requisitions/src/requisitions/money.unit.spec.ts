import fc from "fast-check"
import { lineAmounts, sumAmounts } from "./money"

describe("requisition amounts", () => {
  it("computes IVA per line, rounded to centavos half-up", () => {
    // 3 × 33.335 = 100.005 → 100.01; IVA 16.0016 → 16.00
    expect(lineAmounts("33.335", 3, "tasa_16")).toEqual({ iva_rate: "0.16", subtotal: "100.01", iva: "16.00", total: "116.01" })
    // 7 × 12.45 = 87.15; IVA 13.944 → 13.94
    expect(lineAmounts("12.45", 7, "tasa_16")).toEqual({ iva_rate: "0.16", subtotal: "87.15", iva: "13.94", total: "101.09" })
    // 10.03 × 16 % = 1.6048 → 1.60; 10.06 × 16 % = 1.6096 → 1.61
    expect(lineAmounts("10.03", 1, "tasa_16").iva).toBe("1.60")
    expect(lineAmounts("10.06", 1, "tasa_16").iva).toBe("1.61")
  })

  it("charges no IVA on zero-rated or exempt items", () => {
    expect(lineAmounts("250.00", 4, "tasa_0")).toEqual({ iva_rate: "0", subtotal: "1000.00", iva: "0.00", total: "1000.00" })
    expect(lineAmounts("250.00", 4, "exento").iva).toBe("0.00")
  })

  it("adds decimals exactly (no binary floating point)", () => {
    expect(sumAmounts(["0.10", "0.20"])).toBe("0.30")
    expect(sumAmounts(["1000000.01", "0.02"])).toBe("1000000.03")
  })

  it("property: a contract line's IVA is the per-concept SAT rounding the order's tax provider applies (integer-centavo oracle)", () => {
    // the same oracle as framework-contracts' sat-rounding.unit.spec.ts: importe × rate / 100, half-up, in centavos
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 999_999_999n }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom("tasa_16", "tasa_0", "exento"),
        (centavos, quantity, treatment) => {
          const importe = centavos * BigInt(quantity)
          const iva = (importe * (treatment === "tasa_16" ? 16n : 0n) + 50n) / 100n
          const pesos = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, "0")}`
          const price = pesos(centavos)
          expect(lineAmounts(price, quantity, treatment)).toMatchObject({
            subtotal: pesos(importe),
            iva: pesos(iva),
            total: pesos(importe + iva),
          })
        },
      ),
      { numRuns: 300 },
    )
  })
})
