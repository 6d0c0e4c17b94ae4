import { facetCount, lineAmounts, priceWithIva, sumAmounts } from "./format"

describe("amounts the storefront shows before the requisition exists", () => {
  it("adds IVA 16 % to a unit price, rounded half up to the centavo, and none for tasa 0 or exempt items", () => {
    expect(priceWithIva("521.44", "tasa_16")).toBe("604.87") // 604.8704
    expect(priceWithIva("49.90", "tasa_16")).toBe("57.88") // 57.884
    expect(priceWithIva("0.03", "tasa_16")).toBe("0.03") // 0.0348
    expect(priceWithIva("0.05", "tasa_16")).toBe("0.06") // 0.058
    expect(priceWithIva("623.1", "tasa_0")).toBe("623.10")
    expect(priceWithIva("623.1", "exento")).toBe("623.10")
    expect(priceWithIva("abc", "tasa_16")).toBeNull()
    expect(priceWithIva("-1", "tasa_16")).toBeNull()
  })

  it("computes a line per concept as the requisition does: importe, then IVA on the rounded importe", () => {
    // 10 × 49.90 = 499.00; IVA 79.84 (the requisitions HTTP suite's 578.84)
    expect(lineAmounts("49.90", 10, "tasa_16")).toEqual({ subtotal: "499.00", iva: "79.84", total: "578.84" })
    expect(lineAmounts(521.44, 3, "tasa_16")).toEqual({ subtotal: "1564.32", iva: "250.29", total: "1814.61" })
    expect(lineAmounts("10.125", 1, "exento")).toEqual({ subtotal: "10.13", iva: "0.00", total: "10.13" })
    expect(lineAmounts("1", 1.5, "tasa_16")).toBeNull()
    expect(sumAmounts(["578.84", "1814.61", "0.01"])).toBe("2393.46")
  })
})

describe("facet counts on the search page", () => {
  it("shows an exact count as the number and an estimate with «aprox.»", () => {
    expect(facetCount(1234, false)).toBe("1,234")
    expect(facetCount(1200, true)).toBe("aprox. 1,200")
    expect(facetCount(7, true)).toMatch(/^aprox\. 7$/)
  })
})
