import { checkRfc } from "../../plugins/organizations/src/access/rfc"
import { AGENCIES, AGENCY_ROLE_UNITS } from "./fixtures/agencies"
import { demoPerson } from "./fixtures/people"
import { SUPPLIERS } from "./fixtures/suppliers"
import { makeRfc } from "./rfc"
import { Rfc } from "@nodecfdi/rfc"

describe("demo fixtures", () => {
  it("builds RFCs whose check digit matches", () => {
    const rfc = makeRfc("SSA", "630502", "CU")
    expect(rfc).toBe("SSA630502CU1")
    expect(Rfc.parse(makeRfc("GOMA", "800101", "AB")).doesCheckSumMatch()).toBe(true)
  })

  it("has at least 4 agencies whose units cover every agency role", () => {
    expect(AGENCIES.length).toBeGreaterThanOrEqual(4)
    for (const a of AGENCIES) {
      const prefix = a.units[0].code.split("-")[0]
      for (const r of AGENCY_ROLE_UNITS) {
        expect(a.units.map((u) => u.code)).toContain(`${prefix}-${r.unit}`)
      }
    }
  })

  it("has ~31 suppliers with valid unique RFCs, SMEs, one sanctioned and one expired enrolment", () => {
    expect(SUPPLIERS).toHaveLength(31)
    const rfcs = SUPPLIERS.map((s) => makeRfc(...s.rfc))
    expect(new Set(rfcs).size).toBe(31)
    for (const r of rfcs) {
      expect(checkRfc(r).valid).toBe(true)
    }
    expect(SUPPLIERS.filter((s) => s.sme_size !== "grande").length).toBeGreaterThan(20)
    expect(SUPPLIERS.filter((s) => s.demo?.sanction)).toHaveLength(1)
    expect(SUPPLIERS.filter((s) => s.demo?.enrolment_expired_on)).toHaveLength(1)
  })

  it("gives every demo person a valid, distinct persona física RFC", () => {
    const rfcs = Array.from({ length: 80 }, (_, n) => makeRfc(...demoPerson(n).rfc))
    for (const r of rfcs) {
      expect(checkRfc(r, "fisica")).toEqual(expect.objectContaining({ valid: true }))
    }
    expect(new Set(rfcs).size).toBe(80)
  })
})
