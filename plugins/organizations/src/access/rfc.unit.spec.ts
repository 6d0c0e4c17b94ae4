import { checkRfc } from "./rfc"

describe("checkRfc", () => {
  it("accepts a persona moral and a persona física RFC and normalises case", () => {
    expect(checkRfc(" ssa630502cu1 ")).toEqual({ valid: true, rfc: "SSA630502CU1", kind: "moral" })
    expect(checkRfc("GOMA800101AB6", "fisica")).toEqual({ valid: true, rfc: "GOMA800101AB6", kind: "fisica" })
  })

  it.each([
    ["too short", "SSA6305", "RFC_INVALIDO"],
    ["an impossible date (month 13)", "SSA631302CU1", "RFC_INVALIDO"],
    ["symbols", "SS#630502CU1", "RFC_INVALIDO"],
    ["the generic RFC", "XAXX010101000", "RFC_GENERICO"],
    ["the foreign RFC", "XEXX010101000", "RFC_GENERICO"],
  ])("refuses %s", (_label, value, code) => {
    const r = checkRfc(value)
    expect(r.valid).toBe(false)
    expect(r.valid === false && r.code).toBe(code)
  })

  it("refuses the wrong kind with a message that names the expected length", () => {
    const r = checkRfc("GOMA800101AB6", "moral")
    expect(r).toEqual(expect.objectContaining({ valid: false, code: "RFC_TIPO_INCORRECTO" }))
    expect(r.valid === false && r.message).toContain("12 caracteres")
    const f = checkRfc("SSA630502CU1", "fisica")
    expect(f.valid === false && f.message).toContain("13 caracteres")
  })
})
