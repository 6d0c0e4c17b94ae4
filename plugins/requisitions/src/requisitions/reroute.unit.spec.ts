import {
  assertContractReroutable,
  assertReplacementFound,
  assertRequisitionContracted,
  assertSupplierIneligible,
  excludedSuppliers,
  rankReplacements,
  reservedForContract,
} from "./reroute"

const refusal = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as { code?: string }).code
  }
  return null
}

const line = (offer_id: string, item_id: string, quantity = 1) => ({ offer_id, item_id, quantity, delivery_date: null })
const contract = (id: string, supplier_id: string, status: string, lines: ReturnType<typeof line>[]) => ({
  id,
  number: `CE-${id}`,
  status,
  supplier_id,
  data: { lines },
})

describe("re-routing a contract", () => {
  it("re-routes only a not-yet-in-force contract of a contracted requisition whose supplier lost eligibility", () => {
    expect(refusal(() => assertRequisitionContracted({ number: "R-1", status: "contracted" }))).toBeNull()
    expect(refusal(() => assertRequisitionContracted({ number: "R-1", status: "approved" }))).toBe("REQUISICION_EN_OTRO_ESTADO")
    for (const status of ["draft", "pending_signatures", "partially_signed"]) {
      expect(refusal(() => assertContractReroutable({ number: "CE-1", status }))).toBeNull()
    }
    expect(refusal(() => assertContractReroutable({ number: "CE-1", status: "in_force" }))).toBe("CONTRATO_NO_REASIGNABLE")
    expect(refusal(() => assertContractReroutable({ number: "CE-1", status: "cancelled" }))).toBe("CONTRATO_NO_REASIGNABLE")
    expect(refusal(() => assertSupplierIneligible({ number: "CE-1" }, true))).toBe("PROVEEDOR_AUN_ELEGIBLE")
    expect(refusal(() => assertSupplierIneligible({ number: "CE-1" }, false))).toBeNull()
    expect(refusal(() => assertReplacementFound(null, { number: "CE-1" }))).toBe("SIN_PROVEEDOR_ELEGIBLE")
    expect(refusal(() => assertReplacementFound({ supplier_id: "s" }, { number: "CE-1" }))).toBeNull()
  })

  it("keeps what the requisition reserved for the contract's lines", () => {
    const reqLines = [
      { offer_id: "o1", item_id: "i1", total: "116.00" },
      { offer_id: "o2", item_id: "i2", total: "58.00" },
      { offer_id: "o3", item_id: "i3", total: "10.00" },
    ]
    const c = contract("c1", "s1", "pending_signatures", [line("o1", "i1"), line("o2", "i2")])
    expect(reservedForContract(reqLines, c, [c])).toBe("174.00")
    // the contract was already re-routed once (other offers): its items' lines that no other live contract sells
    const rerouted = contract("c2", "s2", "pending_signatures", [line("o9", "i1"), line("o8", "i3")])
    const other = contract("c3", "s3", "draft", [line("o3", "i3")])
    expect(reservedForContract(reqLines, rerouted, [rerouted, other])).toBe("116.00")
  })

  it("ranks replacements offering every item by lowest total, ties by supplier id, never an excluded one", () => {
    const lines = [line("o1", "i1", 2), line("o2", "i2", 1)]
    const offer = (id: string, supplier_id: string, item_id: string, price: string) => ({
      id,
      supplier_id,
      item_id,
      price,
      status: "active",
    })
    const offers = [
      offer("a1", "sA", "i1", "10"),
      offer("a2", "sA", "i2", "5"), // 25
      offer("b1", "sB", "i1", "9"),
      offer("b2", "sB", "i2", "7"), // 25
      offer("c1", "sC", "i1", "1"), // misses i2
      offer("d1", "sD", "i1", "8"),
      offer("d2", "sD", "i2", "1"), // 17, but excluded
      offer("e1", "sE", "i1", "12"),
      offer("e2", "sE", "i2", "1"), // 25
    ]
    const ranked = rankReplacements(lines, offers, new Set(["sD"]))
    expect(ranked.map((c) => [c.supplier_id, c.total.toString()])).toEqual([
      ["sA", "25"],
      ["sB", "25"],
      ["sE", "25"],
    ])
    expect(ranked[0].offers.map((o) => o.id)).toEqual(["a1", "a2"])
  })

  it("excludes the contract's supplier and any whose contract of the requisition was cancelled", () => {
    const c = contract("c1", "s1", "pending_signatures", [])
    const cancelled = contract("c0", "s0", "cancelled", [])
    const live = contract("c2", "s2", "in_force", [])
    expect([...excludedSuppliers(c, [cancelled, c, live])].sort()).toEqual(["s0", "s1"])
  })
})
