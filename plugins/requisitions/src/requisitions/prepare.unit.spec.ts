import { assertJustification, assertRequestedLines, assertRequisitionKey, pricedLines, requisitionTotals } from "./prepare"

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return null
}

const today = new Date("2026-12-07")

describe("a requisition's request", () => {
  it("needs a justification of at least 10 characters", () => {
    expect(codeOf(() => assertJustification("  corta   "))).toBe("JUSTIFICACION_REQUERIDA")
    expect(codeOf(() => assertJustification("Reposición de papelería del trimestre"))).toBeNull()
  })

  it("needs lines, each delivered today or later in a whole quantity of at least one", () => {
    const line = { variant_id: "variant_1", quantity: 2 }
    expect(codeOf(() => assertRequestedLines([line], "2026-12-07", today))).toBeNull()
    expect(codeOf(() => assertRequestedLines([], "2026-12-07", today))).toBe("REQUISICION_SIN_ARTICULOS")
    expect(codeOf(() => assertRequestedLines([line], "2026-12-06", today))).toBe("FECHA_DE_ENTREGA_INVALIDA")
    expect(codeOf(() => assertRequestedLines([{ ...line, delivery_date: "no es fecha" }], "2026-12-08", today))).toBe(
      "FECHA_DE_ENTREGA_INVALIDA",
    )
    expect(codeOf(() => assertRequestedLines([{ ...line, quantity: 0 }], "2026-12-08", today))).toBe("CANTIDAD_INVALIDA")
    expect(codeOf(() => assertRequestedLines([{ ...line, quantity: 1.5 }], "2026-12-08", today))).toBe("CANTIDAD_INVALIDA")
  })
})

describe("the budget key of a requisition", () => {
  const key = { id: "bk_1", organization_id: "org_a", unit_id: null, partida_especifica: "21101", clave: "2026-12-500" }

  it("is the agency's (another agency's is 404, no oracle) and, if it has a unit, the requisition's unit", () => {
    expect(codeOf(() => assertRequisitionKey(key, "org_a", "unit_1"))).toBeNull()
    expect(codeOf(() => assertRequisitionKey(undefined, "org_a", "unit_1"))).toBe("CLAVE_PRESUPUESTAL_NO_EXISTE")
    expect(codeOf(() => assertRequisitionKey(key, "org_b", "unit_1"))).toBe("CLAVE_PRESUPUESTAL_NO_EXISTE")
    expect(codeOf(() => assertRequisitionKey({ ...key, unit_id: "unit_2" }, "org_a", "unit_1"))).toBe("CLAVE_PRESUPUESTAL_DE_OTRA_UNIDAD")
    expect(codeOf(() => assertRequisitionKey({ ...key, unit_id: "unit_1" }, "org_a", "unit_1"))).toBeNull()
  })
})

describe("pricedLines", () => {
  const offer = (variant: string, price: string, iva: string, partida = "21101") => ({
    id: `off_${variant}`,
    variant_id: variant,
    supplier_id: "org_s",
    price,
    item: {
      id: `itm_${variant}`,
      name: `Artículo ${variant}`,
      unspsc_code: "14111507",
      cog_partida: partida,
      iva_treatment: iva,
      lot: { id: "lot_1", contract_id: "fwc_1" },
    },
  })
  const key = { clave: "2026-12-500", partida_especifica: "21101" }

  it("prices each line at its offer with IVA per line, and the totals are the sums of the lines", () => {
    const lines = pricedLines(
      [
        { variant_id: "a", quantity: 3 },
        { variant_id: "b", quantity: 1, delivery_place: " Almacén 2 ", delivery_date: "2026-12-20" },
      ],
      [offer("a", "10.33", "tasa_16"), offer("b", "100.00", "tasa_0")],
      key,
      { place: "Almacén central", date: "2026-12-15" },
    )
    expect(lines.map((l) => [l.subtotal, l.iva, l.total, l.delivery_place, l.delivery_date])).toEqual([
      ["30.99", "4.96", "35.95", "Almacén central", "2026-12-15"],
      ["100.00", "0.00", "100.00", "Almacén 2", "2026-12-20"],
    ])
    expect(lines[0]).toEqual(
      expect.objectContaining({ offer_id: "off_a", supplier_id: "org_s", contract_id: "fwc_1", lot_id: "lot_1", unit_price: "10.33" }),
    )
    expect(requisitionTotals(lines)).toEqual({ subtotal: "130.99", iva: "4.96", total: "135.95" })
  })

  it("refuses an item of another partida than the budget key's", () => {
    expect(
      codeOf(() =>
        pricedLines([{ variant_id: "c", quantity: 1 }], [offer("c", "5.00", "tasa_16", "21401")], key, { place: "x", date: "2026-12-15" }),
      ),
    ).toBe("PARTIDA_NO_CORRESPONDE")
  })
})
