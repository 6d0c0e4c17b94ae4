import { MathBN } from "@medusajs/framework/utils"
import { buildAmendmentData } from "./build"
import { formatPesos, lineAmounts, percentChange, round2, sumAmounts } from "./money"

describe("IVA per line (SAT rounding)", () => {
  it("rounds the line IVA half up to centavos", () => {
    expect(lineAmounts("10.03", 1, "tasa_16")).toEqual({ subtotal: "10.03", iva: "1.60", total: "11.63" }) // 1.6048
    expect(lineAmounts("10.05", 1, "tasa_16")).toEqual({ subtotal: "10.05", iva: "1.61", total: "11.66" }) // 1.608
    expect(lineAmounts("0.03125", 2, "tasa_16")).toEqual({ subtotal: "0.06", iva: "0.01", total: "0.07" }) // 0.0625 → 0.06
    expect(lineAmounts("15.625", 1, "tasa_16")).toEqual({ subtotal: "15.63", iva: "2.50", total: "18.13" }) // half up
  })

  it("sums line IVAs instead of recomputing on the total (the CFDI way)", () => {
    const lines = [lineAmounts("10.03", 1, "tasa_16"), lineAmounts("10.03", 1, "tasa_16"), lineAmounts("10.03", 1, "tasa_16")]
    const totals = sumAmounts(lines)
    expect(totals).toEqual({ subtotal: "30.09", iva: "4.80", total: "34.89" })
    // On the total it would have been 30.09 × 0.16 = 4.8144 → 4.81: one centavo apart.
    expect(round2(MathBN.mult("30.09", "0.16"))).toBe("4.81")
  })

  it("gives no IVA to tasa 0 and exento items", () => {
    expect(lineAmounts("125.50", 4, "tasa_0")).toEqual({ subtotal: "502.00", iva: "0.00", total: "502.00" })
    expect(lineAmounts("125.50", 4, "exento")).toEqual({ subtotal: "502.00", iva: "0.00", total: "502.00" })
  })

  it("is exact with large amounts (no floating point)", () => {
    expect(lineAmounts("0.10", 3, "tasa_16").subtotal).toBe("0.30")
    expect(lineAmounts("999999999.99", 1000, "tasa_16")).toEqual({
      subtotal: "999999999990.00",
      iva: "159999999998.40",
      total: "1159999999988.40",
    })
  })

  it("formats pesos and percentages", () => {
    expect(formatPesos("1234567.5")).toBe("$1,234,567.50")
    expect(formatPesos("0")).toBe("$0.00")
    expect(percentChange("1000.00", "1200.00")).toBe("20.00")
    expect(percentChange("1000.00", "900.00")).toBe("-10.00")
  })
})

describe("amendments (LAASSP art. 52)", () => {
  const base = {
    kind: "contract",
    number: "CE-SSA-2026-00001",
    issued_on: "2026-03-02",
    lines: [
      {
        line: 1,
        description: "Bolígrafo",
        quantity: 10,
        unit_price: "100.00",
        iva_treatment: "tasa_16",
        subtotal: "1000.00",
        iva: "160.00",
        total: "1160.00",
        delivery_date: "2026-03-20",
        delivery_days: null,
      },
    ],
    totals: { subtotal: "1000.00", iva: "160.00", total: "1160.00", currency: "MXN", total_in_words: "", iva_method: "por_concepto" },
    delivery: { place: "Almacén", unit_id: null, date: "2026-03-20", days: null },
    agency: {},
  } as never
  const make = (quantity: number, delivery_date?: string) =>
    buildAmendmentData({
      base,
      original: { id: "spc_1", number: "CE-SSA-2026-00001", subtotal: "1000.00" },
      request: { changes: [{ line: 1, quantity, delivery_date }], reason: "Mayor demanda" },
      number: "CE-SSA-2026-00001-CM01",
      sequence: 1,
      issued_on: "2026-04-01",
      template: { code: "convenio_modificatorio", version: 1 },
    })

  it("accepts up to 20 % more and records what changed", () => {
    const d = make(12, "2026-04-15")
    expect(d.totals).toMatchObject({ subtotal: "1200.00", iva: "192.00", total: "1392.00" })
    expect(d.totals.total_in_words).toBe("mil trescientos noventa y dos pesos 00/100 M.N.")
    expect(d.amendment).toMatchObject({ change_percent: "20.00", parent_number: "CE-SSA-2026-00001" })
    expect(d.amendment?.changes).toEqual([
      { line: 1, description: "Bolígrafo", field: "Cantidad", from: "10", to: "12" },
      { line: 1, description: "Bolígrafo", field: "Fecha de entrega", from: "2026-03-20", to: "2026-04-15" },
    ])
  })

  it("refuses more than 20 % with a Spanish message", () => {
    expect(() => make(13)).toThrow("el artículo 52 de la LAASSP permite modificaciones de hasta el 20 %")
  })

  it("allows reductions and refuses no-op amendments", () => {
    expect(make(5).totals.subtotal).toBe("500.00")
    expect(() => make(10)).toThrow("El convenio no cambia nada")
  })
})
