import { contractGroups, type ContractAward, type PlanLine } from "./contract-plan"

const line = (over: Partial<PlanLine>): PlanLine => ({
  offer_id: "off_s1_pen",
  supplier_id: "s1",
  contract_id: "fwc_1",
  lot_id: "lot_pens",
  item_id: "item_pen",
  item_name: "Bolígrafo",
  quantity: 100,
  total: "5788.40",
  delivery_place: "Almacén central",
  delivery_date: "2027-01-15T00:00:00.000Z",
  ...over,
})
const award: ContractAward = {
  id: "mcomp_1",
  number: "MC-2026-1",
  lot_id: "lot_pens",
  contract_id: "fwc_1",
  supplier_id: "s2",
  lines: [{ item_id: "item_pen", quantity: 150, unit_price: "46.00" }],
}
const offers = [{ id: "off_s2_pen", supplier_id: "s2", item_id: "item_pen" }]
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return null
}

describe("contractGroups — the contracts a requisition produces", () => {
  it("without competition: one contract per supplier and framework contract, at the offers", () => {
    const groups = contractGroups({
      requisition_number: "REQ-1",
      lines: [
        line({}),
        line({ offer_id: "off_s2_clip", supplier_id: "s2", item_id: "item_clip", lot_id: "lot_clips", total: "116.00" }),
        line({ offer_id: "off_s1_clip", item_id: "item_clip", total: "10.00" }),
      ],
      competed_lot_ids: [],
      awards: [],
      offers: [],
    })
    expect(groups.map((g) => [g.supplier_id, g.award, g.approved_total, g.lines.map((l) => [l.offer_id, l.unit_price])])).toEqual([
      [
        "s1",
        null,
        "5798.40",
        [
          ["off_s1_pen", undefined],
          ["off_s1_clip", undefined],
        ],
      ],
      ["s2", null, "116.00", [["off_s2_clip", undefined]]],
    ])
  })

  it("a competed lot goes to the award's winner at the winning price, summing the item's quantities, earliest date, within what the lot reserved; the other lots as usual, after it", () => {
    const groups = contractGroups({
      requisition_number: "REQ-1",
      lines: [
        line({ quantity: 100, total: "5788.40", delivery_date: "2027-01-20T00:00:00.000Z" }),
        line({ quantity: 50, total: "2894.20", delivery_date: "2027-01-15T00:00:00.000Z" }),
        line({ offer_id: "off_s1_clip", item_id: "item_clip", lot_id: "lot_clips", total: "116.00" }),
      ],
      competed_lot_ids: ["lot_pens"],
      awards: [award],
      offers,
    })
    expect(groups).toEqual([
      {
        supplier_id: "s2",
        contract_id: "fwc_1",
        award: { id: "mcomp_1", number: "MC-2026-1" },
        approved_total: "8682.60",
        delivery_place: "Almacén central",
        lines: [{ offer_id: "off_s2_pen", quantity: 150, delivery_date: "2027-01-15", unit_price: "46.00" }],
      },
      expect.objectContaining({ supplier_id: "s1", award: null, approved_total: "116.00" }),
    ])
  })

  it("refuses a competed lot without a confirmed award, an award that does not match the lot, and a winner without an offer", () => {
    const base = { requisition_number: "REQ-1", lines: [line({ quantity: 150 })], competed_lot_ids: ["lot_pens"], offers }
    expect(codeOf(() => contractGroups({ ...base, awards: [] }))).toBe("COMPETENCIA_SIN_ADJUDICAR")
    expect(codeOf(() => contractGroups({ ...base, awards: [award, { ...award, id: "mcomp_2", lot_id: "lot_other" }] }))).toBe(
      "ADJUDICACION_NO_CORRESPONDE",
    )
    expect(codeOf(() => contractGroups({ ...base, awards: [{ ...award, lines: [{ ...award.lines[0], quantity: 149 }] }] }))).toBe(
      "ADJUDICACION_NO_CORRESPONDE",
    )
    expect(codeOf(() => contractGroups({ ...base, awards: [{ ...award, lines: [{ ...award.lines[0], item_id: "item_other" }] }] }))).toBe(
      "ADJUDICACION_NO_CORRESPONDE",
    )
    expect(codeOf(() => contractGroups({ ...base, awards: [award], offers: [] }))).toBe("ADJUDICACION_SIN_OFERTA")
    expect(contractGroups({ ...base, awards: [award] })).toHaveLength(1)
  })
})
