import { priceDifference } from "./helpers"

describe("the review queue's price difference", () => {
  it("is exact to the centavo, signed, and absent for a new offer", () => {
    expect(priceDifference("49.9", "52")).toBe("-2.10")
    expect(priceDifference("58.51", "0.01")).toBe("58.50")
    expect(priceDifference("0.1", "0.3")).toBe("-0.20")
    expect(priceDifference("1000000.00", "999999.99")).toBe("0.01")
    expect(priceDifference("50", null)).toBeNull()
  })
})
