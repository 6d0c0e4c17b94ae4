import { amountInWordsMxn, integerToWordsEs } from "./amount-in-words"

describe("integerToWordsEs", () => {
  it.each([
    [0, "cero"],
    [1, "uno"],
    [15, "quince"],
    [16, "dieciséis"],
    [21, "veintiuno"],
    [22, "veintidós"],
    [30, "treinta"],
    [31, "treinta y uno"],
    [99, "noventa y nueve"],
    [100, "cien"],
    [101, "ciento uno"],
    [115, "ciento quince"],
    [500, "quinientos"],
    [777, "setecientos setenta y siete"],
    [1000, "mil"],
    [1001, "mil uno"],
    [2000, "dos mil"],
    [21000, "veintiún mil"],
    [31000, "treinta y un mil"],
    [100000, "cien mil"],
    [101000, "ciento un mil"],
    [999999, "novecientos noventa y nueve mil novecientos noventa y nueve"],
    [1000000, "un millón"],
    [1000001, "un millón uno"],
    [2000000, "dos millones"],
    [21000000, "veintiún millones"],
    [1234567, "un millón doscientos treinta y cuatro mil quinientos sesenta y siete"],
    [1000000000, "mil millones"],
    [2500000000, "dos mil quinientos millones"],
    [
      999999999999,
      "novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve",
    ],
  ])("%d → %s", (n, words) => {
    expect(integerToWordsEs(n)).toBe(words)
  })

  it("refuses negatives, fractions and one billion (un billón) or more", () => {
    for (const n of [-1, 1.5, 1e12]) {
      expect(() => integerToWordsEs(n)).toThrow("no se puede escribir con letra")
    }
  })
})

describe("amountInWordsMxn", () => {
  it.each([
    ["0.00", "cero pesos 00/100 M.N."],
    ["1", "un peso 00/100 M.N."],
    ["1.01", "un peso 01/100 M.N."],
    ["2.5", "dos pesos 50/100 M.N."],
    ["21.00", "veintiún pesos 00/100 M.N."],
    ["31.99", "treinta y un pesos 99/100 M.N."],
    ["101.10", "ciento un pesos 10/100 M.N."],
    ["1234.56", "mil doscientos treinta y cuatro pesos 56/100 M.N."],
    ["21000.00", "veintiún mil pesos 00/100 M.N."],
    ["1000000.00", "un millón de pesos 00/100 M.N."],
    ["3000000.00", "tres millones de pesos 00/100 M.N."],
    ["1000001.00", "un millón un pesos 00/100 M.N."],
    ["2500000000.00", "dos mil quinientos millones de pesos 00/100 M.N."],
    ["116116.58", "ciento dieciséis mil ciento dieciséis pesos 58/100 M.N."],
  ])("%s → %s", (amount, words) => {
    expect(amountInWordsMxn(amount)).toBe(words)
  })

  it.each(["-1.00", "1.001", "abc", "1e3", "1000000000000.00"])("refuses %s in Spanish", (amount) => {
    expect(() => amountInWordsMxn(amount)).toThrow("no se puede escribir con letra")
  })
})
