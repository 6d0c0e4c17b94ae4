import { DEFAULT_RULES, insufficientBidsConsequence, REINVITATION_ROUNDS, rulesInForce, type RuleRow } from "./rules"

const lot = { id: "lot_1", competition_threshold: "300000.00", min_invitees: 3, bid_window_business_days: 5 }
const row = (over: Partial<RuleRow>): RuleRow => ({
  id: "mcrule_1",
  lot_id: "lot_1",
  effective_from: "2026-12-01T06:00:00.000Z",
  citation: "Acuerdo por el que se emiten las reglas de la segunda etapa, DOF 30/11/2026",
  min_invitees: 4,
  min_valid_bids: 3,
  on_insufficient_bids: "deserted",
  bid_window_business_days: 3,
  winner_confirmation_business_days: 1,
  abnormally_low_pct: 30,
  sme_preferences: { tie_break: false, reserved: true },
  ...over,
})

describe("rulesInForce — a lot's effective-dated second-stage rules", () => {
  it("without a rule row: the lot's fields and the store defaults", () => {
    expect(rulesInForce(lot, [], new Date("2026-12-07T16:00:00Z"))).toEqual({
      ...DEFAULT_RULES,
      threshold: "300000.00",
      min_invitees: 3,
      bid_window_business_days: 5,
      sme_reserved: false,
      rule_id: null,
      effective_from: null,
    })
  })

  it("the row with the latest start not after the moment, with its citation; the threshold stays the lot's", () => {
    const rows = [
      row({}),
      row({ id: "mcrule_2", effective_from: "2026-12-09T06:00:00.000Z", min_valid_bids: 2 }),
      row({ id: "mcrule_other", lot_id: "lot_2", effective_from: "2026-12-02T06:00:00.000Z" }),
    ]
    const before = rulesInForce(lot, rows, new Date("2026-12-07T16:00:00Z"))
    expect(before).toEqual(
      expect.objectContaining({
        rule_id: "mcrule_1",
        citation: expect.stringMatching(/DOF/),
        threshold: "300000.00",
        min_invitees: 4,
        min_valid_bids: 3,
        bid_window_business_days: 3,
        winner_confirmation_business_days: 1,
        abnormally_low_pct: 30,
        tie_break: ["earliest_submission"],
        sme_reserved: true,
      }),
    )
    // at the very instant the next row starts, it is in force
    expect(rulesInForce(lot, rows, new Date("2026-12-09T06:00:00.000Z")).rule_id).toBe("mcrule_2")
    // before every row: the lot's fields
    expect(rulesInForce(lot, rows, new Date("2026-11-30T00:00:00Z")).rule_id).toBeNull()
  })

  it("SME tie-break unless the rule turns it off", () => {
    expect(
      rulesInForce(lot, [row({ sme_preferences: { tie_break: true, reserved: false } })], new Date("2026-12-07T00:00:00Z")).tie_break,
    ).toEqual(["sme", "earliest_submission"])
    expect(rulesInForce(lot, [row({ sme_preferences: null })], new Date("2026-12-07T00:00:00Z"))).toEqual(
      expect.objectContaining({ tie_break: ["sme", "earliest_submission"], sme_reserved: false }),
    )
  })
})

describe("too few valid bids", () => {
  it("deserts under `deserted`; under `reinvite` grants one new round, then deserts", () => {
    expect(insufficientBidsConsequence({ on_insufficient_bids: "deserted" }, 1)).toBe("deserted")
    expect(insufficientBidsConsequence({ on_insufficient_bids: "reinvite" }, 1)).toBe("reinvite")
    expect(insufficientBidsConsequence({ on_insufficient_bids: "reinvite" }, 1 + REINVITATION_ROUNDS)).toBe("deserted")
    expect(DEFAULT_RULES.on_insufficient_bids).toBe("deserted")
  })
})
