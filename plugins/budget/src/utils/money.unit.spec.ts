import { disponible, formatMxn, isPositiveAmount, toCentavos } from "./money"

describe("budget money helpers", () => {
  it("accepts positive amounts with at most two decimals", () => {
    expect(isPositiveAmount("1")).toBe(true)
    expect(isPositiveAmount("1234.5")).toBe(true)
    expect(isPositiveAmount("0.01")).toBe(true)
    for (const bad of ["0", "0.00", "-1", "1.234", "01", "abc", "1e3", ""]) {
      expect(isPositiveAmount(bad)).toBe(false)
    }
  })

  it("derives disponible exactly, without float drift", () => {
    const k = {
      modificado: "0.30",
      reservado: "0.10",
      comprometido: "0.10",
      devengado: "0",
      ejercido: "0",
      pagado: "0",
    }
    expect(disponible(k)).toBe("0.10")
    expect(disponible({ ...k, modificado: "1000000", reservado: "999999.99" })).toBe("-0.09")
  })

  it("formats pesos for Spanish messages", () => {
    expect(formatMxn("1234567.5")).toBe("$1,234,567.50 MXN")
    expect(toCentavos("12.5")).toBe("12.50")
  })
})
