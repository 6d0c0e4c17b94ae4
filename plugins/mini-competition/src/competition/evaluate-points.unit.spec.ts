import fc from "fast-check"
import { evaluateBids, fractionToFixed2, type BidToEvaluate } from "./evaluate"
import { toCentavos } from "./money"
import { DEFAULT_RULES, insufficientBidsConsequence, rulesInForce, weightsProblem, type CompetitionRules } from "./rules"

const rules: CompetitionRules = {
  ...DEFAULT_RULES,
  threshold: "300000.00",
  min_invitees: 3,
  bid_window_business_days: 5,
  method: "points",
  weights: { price: 70, delivery_days: 30 },
  sme_bonus_points: 5,
}
const lines = [{ id: "l1", quantity: 100, ceiling_price: "60.00" }]

const bid = (id: string, price: string, days: number, over: Partial<BidToEvaluate> = {}): BidToEvaluate => ({
  bid_id: id,
  supplier_id: `sup-${id}`,
  submitted_at: "2026-12-08T10:00:00.000Z",
  sme: false,
  opened: { ok: true, content: { lines: [{ line_id: "l1", unit_price: price }], delivery_days: days } },
  eligibility: { eligible: true, reasons: [] },
  ...over,
})

describe("evaluation by points with published weights", () => {
  it("scores price and delivery in proportion to the best valid bid, adds the SME bonus and explains the points", () => {
    // totals 5,000.00 / 4,000.00 / 4,500.00; delivery 3 / 10 / 5 days
    const e = evaluateBids(lines, rules, [bid("a", "50.00", 3), bid("b", "40.00", 10), bid("c", "45.00", 5, { sme: true })])
    expect(e.method).toBe("points")
    // a: 70 × 4000/5000 = 56 + 30 × 3/3 = 30 → 86
    // b: 70 + 30 × 3/10 = 9 → 79
    // c: 70 × 4000/4500 = 62.222… + 30 × 3/5 = 18 + 5 → 85.222…
    expect(e.bids.map((b) => [b.bid_id, b.rank, b.points])).toEqual([
      ["a", 1, { price: "56.00", delivery: "30.00", sme_bonus: "0.00", total: "86.00" }],
      ["c", 2, { price: "62.22", delivery: "18.00", sme_bonus: "5.00", total: "85.22" }],
      ["b", 3, { price: "70.00", delivery: "9.00", sme_bonus: "0.00", total: "79.00" }],
    ])
    expect(e.bids[0].delivery_days).toBe(3)
    expect(e.winner).toEqual({ bid_id: "a", supplier_id: "sup-a", total: "5000.00", points: "86.00" })
    expect(e.rationale).toBe(
      "Mayor puntuación entre 3 propuestas válidas, con las ponderaciones publicadas (precio 70 puntos, plazo de entrega 30 puntos, " +
        "bonificación MIPYME 5 puntos): 86.00 puntos = precio 56.00 (70 × 4000.00 menor total ÷ 5000.00 de la propuesta) + " +
        "plazo 30.00 (30 × 3 días del plazo más corto ÷ 3 días de la propuesta) + MIPYME 0.00; total 5000.00 MXN antes de IVA. " +
        "Los puntos se muestran redondeados a centésimas; el orden usa su valor exacto.",
    )
  })

  it("the SME bonus decides when the points are otherwise close", () => {
    const withBonus = evaluateBids(lines, rules, [bid("a", "50.00", 3), bid("c", "45.00", 3, { sme: true })])
    // c: 70 + 30 + 5 = 105; a: 62.22 + 30 = 92.22
    expect(withBonus.winner!.bid_id).toBe("c")
    const big = evaluateBids(lines, rules, [bid("a", "45.00", 3), bid("c", "45.00", 4, { sme: true })])
    // a: 100; c: 70 + 22.5 + 5 = 97.5 — the bonus does not overturn a better bid
    expect(big.bids.map((b) => [b.bid_id, b.points!.total])).toEqual([
      ["a", "100.00"],
      ["c", "97.50"],
    ])
  })

  it("ranks exact fractions, not their rounding: equal rounded points, the higher exact score first even at a higher total", () => {
    // a: 70 × 3000.00 ÷ 3003.52 + 30 × 364 ÷ 364 = 99.91796… → "99.92"
    // b: 70 × 3000.00 ÷ 3000.00 + 30 × 364 ÷ 365 = 99.91780… → "99.92"
    const e = evaluateBids([{ id: "l1", quantity: 1, ceiling_price: "5000.00" }], { ...rules, sme_bonus_points: 0 }, [
      bid("b", "3000.00", 365),
      bid("a", "3003.52", 364),
    ])
    expect(e.bids.map((b) => [b.bid_id, b.points!.total, b.total])).toEqual([
      ["a", "99.92", "3003.52"],
      ["b", "99.92", "3000.00"],
    ])
    expect(e.rationale).not.toMatch(/empate/)
  })

  it("breaks equal points by the lower total, then by the rules' tie-breaks", () => {
    // weights 50/50: a 4,000.00 in 4 days → 50 + 25 = 75; b 8,000.00 in 2 days → 25 + 50 = 75 (equal points), a has the lower total
    const even: CompetitionRules = { ...rules, weights: { price: 50, delivery_days: 50 }, sme_bonus_points: 0 }
    const wide = [{ id: "l1", quantity: 100, ceiling_price: "100.00" }]
    const e = evaluateBids(wide, even, [bid("b", "80.00", 2, { sme: true }), bid("a", "40.00", 4)])
    expect(e.bids.map((b) => [b.bid_id, b.points!.total, b.rank])).toEqual([
      ["a", "75.00", 1],
      ["b", "75.00", 2],
    ])
    expect(e.rationale).toMatch(/empate en puntos entre 2 propuestas resuelto por el menor total\.$/)
    // same points and total: the SME first, then the earliest submission
    const same = evaluateBids(lines, even, [
      bid("late", "40.00", 4, { submitted_at: "2026-12-08T12:00:00.000Z" }),
      bid("early", "40.00", 4, { submitted_at: "2026-12-08T09:00:00.000Z" }),
      bid("sme", "40.00", 4, { submitted_at: "2026-12-08T13:00:00.000Z", sme: true }),
    ])
    expect(same.bids.map((b) => b.bid_id)).toEqual(["sme", "early", "late"])
    expect(same.rationale).toMatch(/resuelto por el menor total, luego preferencia MIPYME, luego presentación más temprana\.$/)
  })

  it("gives invalid bids no points and keeps the abnormally-low floor on the totals", () => {
    const e = evaluateBids(lines, rules, [bid("low", "10.00", 1), bid("x", "50.00", 5), bid("y", "50.00", 5), bid("over", "60.01", 1)])
    expect(e.bids.find((b) => b.bid_id === "low")).toMatchObject({ valid: false, points: null, rank: null })
    expect(e.bids.find((b) => b.bid_id === "over")).toMatchObject({ valid: false, points: null })
    expect(e.winner!.points).toBe("100.00")
  })

  it("is deterministic whatever the order of the bids, and never awards above the published maximum", () => {
    const arbBid = fc.record({
      price: fc.integer({ min: 3000, max: 6000 }),
      days: fc.integer({ min: 1, max: 60 }),
      sme: fc.boolean(),
      minute: fc.integer({ min: 0, max: 59 }),
    })
    fc.assert(
      fc.property(
        fc.array(arbBid, { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 0, max: 10 }),
        fc.infiniteStream(fc.nat()),
        (specs, wp, bonus, shuffle) => {
          const r: CompetitionRules = {
            ...rules,
            weights: { price: wp, delivery_days: 100 - wp },
            sme_bonus_points: bonus,
            abnormally_low_pct: 99,
          }
          const bids = specs.map((s, i) =>
            bid(`b${i}`, `${Math.floor(s.price / 100)}.${String(s.price % 100).padStart(2, "0")}`, s.days, {
              sme: s.sme,
              submitted_at: `2026-12-08T10:${String(s.minute).padStart(2, "0")}:00.000Z`,
            }),
          )
          const shuffled = [...bids]
          const it = shuffle[Symbol.iterator]()
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = it.next().value % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
          }
          const a = evaluateBids(lines, r, bids)
          const b = evaluateBids(lines, r, shuffled)
          expect(b).toEqual(a)
          const max = toCentavos(String(100 + bonus))
          for (const e of a.bids) {
            expect(toCentavos(e.points!.total)).toBeLessThanOrEqual(max)
          }
          // ranks are 1..n and descending in points
          expect(a.bids.map((e) => e.rank)).toEqual(a.bids.map((_, i) => i + 1))
          for (let i = 1; i < a.bids.length; i++) {
            expect(toCentavos(a.bids[i - 1].points!.total)).toBeGreaterThanOrEqual(toCentavos(a.bids[i].points!.total))
          }
        },
      ),
      { numRuns: 200 },
    )
  })

  it("rounds half up to the hundredth for display only", () => {
    expect(fractionToFixed2({ num: 1n, den: 8n })).toBe("0.13") // 0.125
    expect(fractionToFixed2({ num: 2n, den: 3n })).toBe("0.67")
    expect(fractionToFixed2({ num: 280000n, den: 4500n })).toBe("62.22")
  })
})

describe("points rules as data", () => {
  const lot = { id: "lot", competition_threshold: "300000.00", min_invitees: 3, bid_window_business_days: 5 }
  const row = {
    id: "r1",
    lot_id: "lot",
    effective_from: "2026-12-01T00:00:00.000Z",
    citation: "Art. 17 LAASSP; Art. 14 RLAASSP",
    min_invitees: 3,
    min_valid_bids: 2,
    on_insufficient_bids: "reinvite" as const,
    bid_window_business_days: 5,
    winner_confirmation_business_days: 2,
    abnormally_low_pct: 40,
    sme_preferences: { tie_break: true, reserved: false, bonus_points: 4 },
  }

  it("takes the method, the weights, the SME bonus and the re-invitation rounds from the row in force", () => {
    const at = new Date("2026-12-08T00:00:00Z")
    expect(
      rulesInForce(lot, [{ ...row, method: "points", weights: { price: 80, delivery_days: 20 }, max_reinvite_rounds: 3 }], at),
    ).toMatchObject({
      method: "points",
      weights: { price: 80, delivery_days: 20 },
      sme_bonus_points: 4,
      max_reinvite_rounds: 3,
    })
    // an older row (no method column yet): lowest price, no bonus, one round
    expect(rulesInForce(lot, [row], at)).toMatchObject({
      method: "lowest_price",
      weights: null,
      sme_bonus_points: 0,
      max_reinvite_rounds: 1,
    })
  })

  it("re-invites as many rounds as the rules grant, then deserts", () => {
    const r = { on_insufficient_bids: "reinvite" as const, max_reinvite_rounds: 2 }
    expect([1, 2, 3].map((round) => insufficientBidsConsequence(r, round))).toEqual(["reinvite", "reinvite", "deserted"])
    // a snapshot from before the field: one round
    expect([1, 2].map((round) => insufficientBidsConsequence({ on_insufficient_bids: "reinvite" }, round))).toEqual([
      "reinvite",
      "deserted",
    ])
    expect(insufficientBidsConsequence({ on_insufficient_bids: "deserted", max_reinvite_rounds: 3 }, 1)).toBe("deserted")
  })

  it("accepts only whole weights adding up to 100 with a price weight", () => {
    expect(weightsProblem({ price: 70, delivery_days: 30 })).toBeNull()
    expect(weightsProblem({ price: 70, delivery_days: 20 })).toMatch(/sumen 100/)
    expect(weightsProblem({ price: 70.5, delivery_days: 29.5 })).toMatch(/enteros/)
    expect(weightsProblem({ price: 0, delivery_days: 100 })).toMatch(/precio debe pesar/)
    expect(weightsProblem(null)).toMatch(/requiere las ponderaciones/)
  })
})
