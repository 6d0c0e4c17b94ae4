import { isCogPartida, unspscAncestors, unspscLevel, unspscParent } from "./unspsc"

describe("UNSPSC codes", () => {
  it.each([
    ["44000000", "segment"],
    ["44120000", "family"],
    ["44121700", "class"],
    ["44121701", "commodity"],
  ])("knows %s is a %s", (code, level) => {
    expect(unspscLevel(code)).toBe(level)
  })

  it.each(["4412170", "441217011", "00121701", "44001701", "44120001", "4412A701", ""])("refuses %p", (code) => {
    expect(unspscLevel(code)).toBeNull()
  })

  it("walks up the tree", () => {
    expect(unspscParent("44121701")).toBe("44121700")
    expect(unspscParent("44000000")).toBeNull()
    expect(unspscAncestors("44121701")).toEqual(["44000000", "44120000", "44121700"])
  })

  it("recognises COG partidas específicas", () => {
    expect(isCogPartida("21101")).toBe(true)
    expect(isCogPartida("21401")).toBe(true)
    expect(isCogPartida("2110")).toBe(false)
    expect(isCogPartida("21000")).toBe(false)
    expect(isCogPartida("91101")).toBe(false)
    expect(isCogPartida(null)).toBe(false)
  })
})
