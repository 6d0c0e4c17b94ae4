import { evaluateEligibility, type EligibilityFacts } from "./eligibility"

const now = new Date("2026-11-22T12:00:00Z")
const ok: EligibilityFacts = {
  contract: { id: "fwc_1", status: "published", valid_from: "2026-01-01", valid_until: "2027-12-31" },
  enrolment: { status: "active", valid_from: "2026-01-01", valid_until: null },
  sanctions: [],
  offer: { status: "active" },
}

describe("evaluateEligibility", () => {
  it("lets an enrolled, unsanctioned supplier of a published contract in force take part", () => {
    expect(evaluateEligibility(ok, "offer", now)).toEqual({ eligible: true, reasons: [] })
    expect(evaluateEligibility(ok, "pay", now).eligible).toBe(true)
  })

  it.each([
    ["a draft contract", { contract: { ...ok.contract!, status: "draft" } }, "CONTRATO_MARCO_NO_PUBLICADO"],
    ["a suspended contract", { contract: { ...ok.contract!, status: "suspended" } }, "CONTRATO_MARCO_NO_PUBLICADO"],
    ["an expired contract", { contract: { ...ok.contract!, valid_until: "2026-06-30" } }, "CONTRATO_MARCO_FUERA_DE_VIGENCIA"],
    ["no contract", { contract: null }, "CONTRATO_MARCO_NO_EXISTE"],
    ["no enrolment", { enrolment: null }, "PROVEEDOR_NO_ADHERIDO"],
    [
      "an expired enrolment",
      { enrolment: { status: "active", valid_from: "2026-01-01", valid_until: "2026-06-30" } },
      "PROVEEDOR_NO_ADHERIDO",
    ],
    ["a suspended enrolment", { enrolment: { status: "suspended", valid_from: "2026-01-01", valid_until: null } }, "PROVEEDOR_NO_ADHERIDO"],
    [
      "a sanction in force",
      { sanctions: [{ type: "inhabilitación", authority: "SABG", starts_on: "2026-03-01", ends_on: "2028-02-29" }] },
      "PROVEEDOR_SANCIONADO",
    ],
    [
      "an open-ended sanction",
      { sanctions: [{ type: "inhabilitación", authority: "SABG", starts_on: "2026-03-01", ends_on: null }] },
      "PROVEEDOR_SANCIONADO",
    ],
  ] as const)("refuses %s", (_label, change, code) => {
    const r = evaluateEligibility({ ...ok, ...(change as Partial<EligibilityFacts>) }, "offer", now)
    expect(r.eligible).toBe(false)
    expect(r.reasons.map((x) => x.code)).toContain(code)
  })

  it("ignores sanctions that ended or have not started", () => {
    const r = evaluateEligibility(
      {
        ...ok,
        sanctions: [
          { type: "multa", authority: "SABG", starts_on: "2024-01-01", ends_on: "2025-01-01" },
          { type: "inhabilitación", authority: "SABG", starts_on: "2027-01-01", ends_on: null },
        ],
      },
      "invite",
      now,
    )
    expect(r.eligible).toBe(true)
  })

  it("requires an offer in force to award, contract or pay", () => {
    expect(evaluateEligibility({ ...ok, offer: { status: "withdrawn" } }, "contract", now).reasons[0].code).toBe("OFERTA_NO_VIGENTE")
    expect(evaluateEligibility({ ...ok, offer: { status: "withdrawn" } }, "offer", now).eligible).toBe(true)
  })
})
