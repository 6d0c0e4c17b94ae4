import { linePrice } from "./build"

const base = { item_name: "Bolígrafo de tinta azul", offer_price: "49.90", ceiling_price: "58.50" }
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return null
}

describe("linePrice — the price a contract line is frozen at", () => {
  it("is the offer's price in force when no award sets it", () => {
    expect(linePrice(base)).toBe("49.90")
    expect(linePrice({ ...base, offer_price: "49.905" })).toBe("49.91")
  })

  it("is the awarded price of a confirmed award, up to the ceiling in force", () => {
    expect(linePrice({ ...base, awarded_price: "46", award_id: "mcomp_1" })).toBe("46.00")
    expect(linePrice({ ...base, awarded_price: "58.50", award_id: "mcomp_1" })).toBe("58.50")
    // above the supplier's own offer is allowed: the bid, not the offer, is what was awarded
    expect(linePrice({ ...base, awarded_price: "52.00", award_id: "mcomp_1" })).toBe("52.00")
  })

  it("refuses an awarded price without an award, above the ceiling, or malformed", () => {
    expect(codeOf(() => linePrice({ ...base, awarded_price: "40.00" }))).toBe("PRECIO_SOLO_DESDE_ADJUDICACION")
    expect(codeOf(() => linePrice({ ...base, awarded_price: "58.51", award_id: "mcomp_1" }))).toBe("CONTRATO_EXCEDE_PRECIO_TECHO")
    expect(codeOf(() => linePrice({ ...base, awarded_price: "47.001", award_id: "mcomp_1" }))).toBe("OFERTA_NO_VALIDA")
    expect(codeOf(() => linePrice({ ...base, awarded_price: "0", award_id: "mcomp_1" }))).toBe("OFERTA_NO_VALIDA")
  })
})
