import { threeWayMatch } from "../invoicing/match"
import {
  checkReceptionLines,
  checkShipmentLines,
  complementDueDate,
  isComplementOverdue,
  conventionalPenalty,
  isPaidLate,
  lineDueDate,
  lineOwed,
  paymentDueDate,
  planPenaltyDeduction,
  receptionOutcome,
  type ContractLineTerms,
} from "./rules"

const line = (over: Partial<ContractLineTerms> = {}): ContractLineTerms => ({
  line: 1,
  item_code: "PAP-001",
  unspsc_code: "44121618",
  description: "Tijeras de oficina",
  quantity: 10,
  unit_price: "49.90",
  iva_treatment: "tasa_16",
  delivery_date: "2026-12-10",
  delivery_days: null,
  ...over,
})

describe("pena convencional", () => {
  const terms = { rate_per_day_percent: "1.00", cap_percent: "10.00" }
  const base = { terms, contract_subtotal: "499.00", already_applied: "0.00", in_force_on: "2026-12-01" }

  it("is rate × days late × the value without IVA of the units delivered late", () => {
    // 6 × 49.90 = 299.40; 1 % × 3 days = 8.982 → 8.98
    const p = conventionalPenalty({ ...base, received_on: "2026-12-13", lines: [{ terms: line(), accepted_quantity: 6 }] })
    expect(p).toEqual({
      days_late: 3,
      amount: "8.98",
      capped: false,
      lines: [{ contract_line: 1, days_late: 3, base: "299.40", amount: "8.98" }],
    })
  })

  it("is zero on time or on the due date itself, and for rejected-only lines", () => {
    expect(conventionalPenalty({ ...base, received_on: "2026-12-10", lines: [{ terms: line(), accepted_quantity: 6 }] }).amount).toBe(
      "0.00",
    )
    expect(conventionalPenalty({ ...base, received_on: "2026-12-20", lines: [{ terms: line(), accepted_quantity: 0 }] }).amount).toBe(
      "0.00",
    )
  })

  it("counts delivery_days from entry into force when the line has no date", () => {
    const terms15 = line({ delivery_date: null, delivery_days: 15 })
    expect(lineDueDate(terms15, "2026-12-01")).toBe("2026-12-16")
    expect(conventionalPenalty({ ...base, received_on: "2026-12-18", lines: [{ terms: terms15, accepted_quantity: 10 }] }).amount).toBe(
      "9.98",
    )
  })

  it("never exceeds the cap over the whole contract (earlier penalties count)", () => {
    // 10 % of 499.00 = 49.90; 30 days × 1 % × 499.00 = 149.70 → capped; 40.00 already applied → 9.90 left
    const p = conventionalPenalty({
      ...base,
      already_applied: "40.00",
      received_on: "2027-01-09",
      lines: [{ terms: line(), accepted_quantity: 10 }],
    })
    expect([p.amount, p.capped, p.days_late]).toEqual(["9.90", true, 30])
    expect(
      conventionalPenalty({
        ...base,
        already_applied: "49.90",
        received_on: "2027-01-09",
        lines: [{ terms: line(), accepted_quantity: 10 }],
      }).amount,
    ).toBe("0.00")
  })
})

describe("shipment and reception lines", () => {
  it("refuses more than is left to deliver, unknown and repeated lines", () => {
    const problems = checkShipmentLines(
      [
        { contract_line: 1, quantity: 5 },
        { contract_line: 2, quantity: 1 },
        { contract_line: 1, quantity: 1 },
      ],
      [line()],
      { 1: { shipped: 8, rejected: 2 } },
    )
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ["lines[0].quantity", "CANTIDAD_EXCEDE_PEDIDO"],
      ["lines[1].contract_line", "PARTIDA_NO_EXISTE"],
      ["lines[2].contract_line", "PARTIDA_REPETIDA"],
    ])
    expect(problems[0].message).toContain("solo quedan 4 por entregar")
    expect(checkShipmentLines([{ contract_line: 1, quantity: 4 }], [line()], { 1: { shipped: 8, rejected: 2 } })).toEqual([])
  })

  it("needs every shipped line judged, accepted + rejected = shipped", () => {
    const shipped = [
      { contract_line: 1, quantity: 6 },
      { contract_line: 2, quantity: 3 },
    ]
    expect(checkReceptionLines([{ contract_line: 1, accepted_quantity: 5, rejected_quantity: 2 }], shipped).map((p) => p.code)).toEqual([
      "PARTIDA_SIN_DICTAMEN",
      "CANTIDAD_EXCEDE_ENVIO",
    ])
    expect(
      checkReceptionLines(
        [
          { contract_line: 1, accepted_quantity: 4, rejected_quantity: 2 },
          { contract_line: 2, accepted_quantity: 3, rejected_quantity: 0 },
        ],
        shipped,
      ),
    ).toEqual([])
  })

  it("names the outcome", () => {
    expect(receptionOutcome([{ contract_line: 1, accepted_quantity: 6, rejected_quantity: 0 }])).toBe("full")
    expect(receptionOutcome([{ contract_line: 1, accepted_quantity: 4, rejected_quantity: 2 }])).toBe("partial")
    expect(receptionOutcome([{ contract_line: 1, accepted_quantity: 0, rejected_quantity: 6 }])).toBe("rejected")
  })
})

describe("payment terms and amounts", () => {
  it("is due 20 natural days after acceptance (Mexico City date) and late after that day", () => {
    // 2026-12-01 03:00 UTC is still 30 November in Mexico City
    expect(paymentDueDate(new Date("2026-12-01T03:00:00Z"))).toBe("2026-12-20")
    expect(isPaidLate(new Date("2026-12-21T05:59:00Z"), "2026-12-20")).toBe(false)
    expect(isPaidLate(new Date("2026-12-21T06:00:00Z"), "2026-12-20")).toBe(true)
  })

  it("owes importe and IVA per concept, half up", () => {
    expect(lineOwed("49.90", 6, "0.160000")).toEqual({ subtotal: "299.40", iva: "47.90", total: "347.30" })
    expect(lineOwed("44.90", 7, "0.160000")).toEqual({ subtotal: "314.30", iva: "50.29", total: "364.59" })
  })
})

describe("three-way match", () => {
  const lines = [line()]
  const tally = { 1: { ordered: 10, shipped: 6, accepted: 6, rejected: 0, invoiced: 6 } }
  const invoice = { total: "347.30", lines: [{ contract_line: 1, quantity: 6, unit_price: "49.90", subtotal: "299.40", iva: "47.90" }] }

  it("matches contract, reception and CFDI with the commitment behind them", () => {
    expect(threeWayMatch({ contract_lines: lines, tally, invoice, commitment_remaining: "578.84" })).toEqual({
      matched: true,
      amount: "347.30",
      reasons: [],
    })
  })

  it("sends every difference to the exception queue with its reason", () => {
    const r = threeWayMatch({
      contract_lines: lines,
      tally: { 1: { ...tally[1], accepted: 5 } },
      invoice: { total: "347.31", lines: [{ ...invoice.lines[0], unit_price: "49.91" }] },
      commitment_remaining: "100.00",
    })
    expect(r.reasons.map((x) => x.code)).toEqual([
      "PRECIO_DISTINTO",
      "FACTURADO_SIN_RECEPCION",
      "TOTAL_DISTINTO",
      "COMPROMISO_INSUFICIENTE",
    ])
    expect(threeWayMatch({ contract_lines: lines, tally, invoice, commitment_remaining: null }).reasons.map((x) => x.code)).toEqual([
      "SIN_COMPROMISO",
    ])
  })
})

describe("pena convencional deducted from the payment", () => {
  const rcp = (id: string, amount: string, deducted: string, at: string) => ({
    reception_id: id,
    penalty_amount: amount,
    penalty_deducted: deducted,
    received_at: at,
  })

  it("withholds what the order's receptions still owe, oldest first: net = total − penalties, to the centavo", () => {
    const plan = planPenaltyDeduction(
      [rcp("rcp_b", "3.01", "0.00", "2026-12-14T10:00:00Z"), rcp("rcp_a", "5.99", "0.00", "2026-12-13T10:00:00Z")],
      "347.30",
    )
    expect(plan).toEqual({
      deductions: [
        { reception_id: "rcp_a", amount: "5.99" },
        { reception_id: "rcp_b", amount: "3.01" },
      ],
      total: "9.00",
      net: "338.30",
    })
  })

  it("never withholds twice what an earlier payment already took, nor a reception without penalty", () => {
    const plan = planPenaltyDeduction(
      [
        rcp("rcp_a", "5.99", "5.99", "2026-12-13T10:00:00Z"),
        rcp("rcp_b", "8.98", "2.00", "2026-12-14T10:00:00Z"),
        rcp("rcp_c", "0.00", "0.00", "2026-12-15T10:00:00Z"),
      ],
      "100.00",
    )
    expect(plan).toEqual({ deductions: [{ reception_id: "rcp_b", amount: "6.98" }], total: "6.98", net: "93.02" })
  })

  it("never makes a payment negative: what does not fit waits for the next payment", () => {
    const plan = planPenaltyDeduction(
      [rcp("rcp_a", "40.00", "0.00", "2026-12-13T10:00:00Z"), rcp("rcp_b", "20.00", "0.00", "2026-12-14T10:00:00Z")],
      "57.88",
    )
    expect(plan).toEqual({
      deductions: [
        { reception_id: "rcp_a", amount: "40.00" },
        { reception_id: "rcp_b", amount: "17.88" },
      ],
      total: "57.88",
      net: "0.00",
    })
    expect(planPenaltyDeduction([], "57.88")).toEqual({ deductions: [], total: "0.00", net: "57.88" })
  })
})

describe("complemento de pago of a PPD invoice", () => {
  it("is due by the fifth day of the month after the payment (Mexico City dates; December rolls the year)", () => {
    expect(complementDueDate("2026-12-18T17:00:00Z")).toBe("2027-01-05")
    expect(complementDueDate("2026-03-31T12:00:00Z")).toBe("2026-04-05")
    // 1 April 03:00 UTC is still 31 March in Mexico City
    expect(complementDueDate("2026-04-01T03:00:00Z")).toBe("2026-04-05")
  })

  it("is flagged missing from the sixth day, never once received", () => {
    expect(isComplementOverdue("2027-01-05", null, "2027-01-05T23:00:00Z")).toBe(false)
    expect(isComplementOverdue("2027-01-05", null, "2027-01-06T12:00:00Z")).toBe(true)
    expect(isComplementOverdue("2027-01-05", new Date(), "2027-02-01T12:00:00Z")).toBe(false)
    expect(isComplementOverdue(null, null, "2027-02-01T12:00:00Z")).toBe(false)
  })
})
