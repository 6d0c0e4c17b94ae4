import { randomBytes } from "node:crypto"
import { bidDeadline, CalendarUnavailableError, isBusinessDay } from "./business-days"
import { evaluateBids, type BidToEvaluate } from "./evaluate"
import { fromCentavos, toCentavos } from "./money"
import { DEFAULT_RULES, type CompetitionRules } from "./rules"
import { openBid, parseSealKey, sealBid, verifyCommitment, type BidContent } from "./seal"

describe("business days (Mexico City, holiday calendar as data)", () => {
  it("skips weekends and the non-working days of the calendar", () => {
    expect(isBusinessDay("2026-12-07")).toBe(true) // Monday
    expect(isBusinessDay("2026-12-12")).toBe(false) // Saturday (and Guadalupe)
    expect(isBusinessDay("2026-12-25")).toBe(false) // Friday, Christmas
    expect(isBusinessDay("2026-11-16")).toBe(false) // third Monday of November
    expect(isBusinessDay("2026-04-02")).toBe(false) // Holy Thursday
  })

  it("closes at 18:00 Mexico City time on the last business day of the window", () => {
    // published Monday 2026-12-07 10:00 local; 5 business days: 8, 9, 10, 11, 14 → 14 Dec 18:00 (UTC−6)
    expect(bidDeadline(new Date("2026-12-07T16:00:00Z"), 5).toISOString()).toBe("2026-12-15T00:00:00.000Z")
    // published the evening of Wednesday 2026-12-23 local (already Thursday in UTC): 24, 28, 29 (25 Christmas, weekend)
    expect(bidDeadline(new Date("2026-12-24T03:00:00Z"), 3).toISOString()).toBe("2026-12-30T00:00:00.000Z")
    // Holy week 2026: from Tuesday 31 March, 3 days: 1 Apr, 6 Apr, 7 Apr (2–3 Apr are not business days)
    expect(bidDeadline(new Date("2026-03-31T17:00:00Z"), 3).toISOString()).toBe("2026-04-08T00:00:00.000Z")
  })

  it("refuses a year it has no calendar for instead of guessing", () => {
    expect(() => bidDeadline(new Date("2031-06-02T16:00:00Z"), 5)).toThrow(CalendarUnavailableError)
    expect(() => bidDeadline(new Date("2026-12-07T16:00:00Z"), 0)).toThrow(/al menos un día hábil/)
  })
})

describe("sealed bids", () => {
  const key = randomBytes(32)
  const who = { competition_id: "mcomp_1", supplier_id: "org_a" }
  const content: BidContent = { lines: [{ line_id: "mcln_1", unit_price: "41.37" }], delivery_days: 5 }

  it("seals without the prices in the clear and opens against the commitment", () => {
    const sealed = sealBid(key, who, content)
    expect(sealed.commitment).toMatch(/^[0-9a-f]{64}$/)
    expect(Buffer.from(sealed.ciphertext, "base64").toString("utf8")).not.toContain("41.37")
    expect(JSON.stringify(sealed)).not.toContain("41.37")
    expect(openBid(key, who, sealed)).toEqual({ ok: true, content })
    // the supplier can check its commitment with the nonce it was given
    expect(verifyCommitment(who, content, sealed.nonce, sealed.commitment)).toBe(true)
    expect(verifyCommitment(who, { ...content, delivery_days: 6 }, sealed.nonce, sealed.commitment)).toBe(false)
  })

  it("gives unrelated commitments to equal bids (random nonce)", () => {
    expect(sealBid(key, who, content).commitment).not.toBe(sealBid(key, who, content).commitment)
  })

  it("detects a tampered ciphertext, a moved bid, a swapped commitment and a wrong key", () => {
    const sealed = sealBid(key, who, content)
    const bytes = Buffer.from(sealed.ciphertext, "base64")
    bytes[10] ^= 1
    expect(openBid(key, who, { ...sealed, ciphertext: bytes.toString("base64") })).toMatchObject({ ok: false, code: "SOBRE_ALTERADO" })
    expect(openBid(key, { ...who, supplier_id: "org_b" }, sealed)).toMatchObject({ ok: false, code: "SOBRE_ALTERADO" })
    const other = sealBid(key, who, { ...content, lines: [{ line_id: "mcln_1", unit_price: "40.00" }] })
    expect(openBid(key, who, { ...sealed, commitment: other.commitment })).toMatchObject({ ok: false })
    expect(openBid(randomBytes(32), who, sealed)).toMatchObject({ ok: false, code: "SOBRE_ALTERADO" })
  })

  it("accepts only a 32-byte base64 master key", () => {
    expect(parseSealKey(randomBytes(32).toString("base64"))).toHaveLength(32)
    expect(() => parseSealKey("corta")).toThrow(/32 bytes/)
  })
})

describe("evaluation", () => {
  const key = randomBytes(32)
  const rules: CompetitionRules = { ...DEFAULT_RULES, threshold: "300000.00", min_invitees: 3, bid_window_business_days: 5 }
  const lines = [
    { id: "l1", quantity: 100, ceiling_price: "58.50" },
    { id: "l2", quantity: 3, ceiling_price: "1000.00" },
  ]
  let n = 0
  const bid = (supplier: string, p1: string, p2: string, over: Partial<BidToEvaluate> = {}): BidToEvaluate => {
    n++
    const who = { competition_id: "c", supplier_id: supplier }
    const sealed = sealBid(key, who, {
      lines: [
        { line_id: "l1", unit_price: p1 },
        { line_id: "l2", unit_price: p2 },
      ],
      delivery_days: 5,
    })
    return {
      bid_id: `b${n}`,
      supplier_id: supplier,
      submitted_at: `2026-12-08T1${n % 10}:00:00.000Z`,
      sme: false,
      opened: openBid(key, who, sealed),
      eligibility: { eligible: true, reasons: [] },
      ...over,
    }
  }

  it("ranks by the lowest total, to the centavo", () => {
    const e = evaluateBids(lines, rules, [bid("a", "50.10", "900.00"), bid("b", "49.99", "899.99"), bid("c", "58.50", "1000.00")])
    expect(e.bids.map((b) => [b.supplier_id, b.total, b.rank])).toEqual([
      ["b", "7698.97", 1],
      ["a", "7710.00", 2],
      ["c", "8850.00", 3],
    ])
    expect(e.outcome).toBe("award")
    expect(e.winner).toEqual({ bid_id: expect.any(String), supplier_id: "b", total: "7698.97" })
  })

  it("breaks a tie by SME preference, then by the earliest submission", () => {
    const early = bid("big-early", "50.00", "900.00", { submitted_at: "2026-12-08T10:00:00.000Z" })
    const late = bid("big-late", "50.00", "900.00", { submitted_at: "2026-12-08T11:00:00.000Z" })
    expect(evaluateBids(lines, rules, [late, early]).winner!.supplier_id).toBe("big-early")
    const sme = bid("sme-late", "50.00", "900.00", { submitted_at: "2026-12-08T12:00:00.000Z", sme: true })
    const e = evaluateBids(lines, rules, [late, early, sme])
    expect(e.bids.map((b) => b.supplier_id)).toEqual(["sme-late", "big-early", "big-late"])
    expect(e.rationale).toMatch(/empate entre 3 propuestas resuelto por preferencia MIPYME, luego presentación más temprana/)
  })

  it("sets aside an abnormally low bid (≥ 40 % under the average of valid bids)", () => {
    // totals 2,000.00 / 8,000.00 / 8,000.00 → average 6,000.00, floor 3,600.00
    const e = evaluateBids([{ id: "l1", quantity: 100, ceiling_price: "90.00" }], rules, [
      { ...bid("low", "1", "1"), opened: { ok: true, content: { lines: [{ line_id: "l1", unit_price: "20.00" }], delivery_days: 5 } } },
      { ...bid("x", "1", "1"), opened: { ok: true, content: { lines: [{ line_id: "l1", unit_price: "80.00" }], delivery_days: 5 } } },
      { ...bid("y", "1", "1"), opened: { ok: true, content: { lines: [{ line_id: "l1", unit_price: "80.00" }], delivery_days: 5 } } },
    ])
    expect(e.average).toBe("6000.00")
    expect(e.floor).toBe("3600.00")
    const low = e.bids.find((b) => b.supplier_id === "low")!
    expect(low).toMatchObject({ valid: false, rank: null, findings: [expect.objectContaining({ code: "PRECIO_ANORMALMENTE_BAJO" })] })
    expect(e.winner!.supplier_id).toBe("x")
  })

  it("never evaluates a tampered bid, excludes an ineligible bidder, and deserts below the minimum of valid bids", () => {
    const tampered = {
      ...bid("t", "40.00", "800.00"),
      opened: { ok: false as const, code: "SOBRE_ALTERADO" as const, message: "alterada" },
    }
    const sanctioned = bid("s", "41.00", "800.00", {
      eligibility: { eligible: false, reasons: [{ code: "PROVEEDOR_SANCIONADO", message: "sancionado" }] },
    })
    const e = evaluateBids(lines, rules, [tampered, sanctioned, bid("ok", "55.00", "950.00")])
    expect(e.bids.find((b) => b.supplier_id === "t")).toMatchObject({
      valid: false,
      total: null,
      findings: [{ code: "SOBRE_ALTERADO", message: "alterada" }],
    })
    expect(e.bids.find((b) => b.supplier_id === "s")).toMatchObject({
      valid: false,
      findings: [expect.objectContaining({ code: "PROVEEDOR_SANCIONADO" })],
    })
    expect(e.valid_count).toBe(1)
    expect(e.outcome).toBe("deserted")
    expect(e.winner).toBeNull()
    expect(e.rationale).toMatch(/al menos 2/)
  })

  it("refuses a price above the ceiling even if it reached the opening", () => {
    const e = evaluateBids(lines, rules, [bid("a", "58.51", "900.00"), bid("b", "50.00", "900.00"), bid("c", "51.00", "900.00")])
    expect(e.bids.find((b) => b.supplier_id === "a")!.findings[0].code).toBe("PRECIO_SOBRE_TECHO")
    expect(e.winner!.supplier_id).toBe("b")
  })
})

describe("money in centavos", () => {
  it("is exact", () => {
    expect(fromCentavos(toCentavos("0.10") + toCentavos("0.2"))).toBe("0.30")
    expect(fromCentavos(toCentavos("49.99") * 6100n)).toBe("304939.00")
    expect(() => toCentavos("1.005")).toThrow()
  })
})
