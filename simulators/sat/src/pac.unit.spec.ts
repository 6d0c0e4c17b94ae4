import { parseExpression } from "./pac"

describe("SAT simulator: reading the printed status expression", () => {
  it("keeps '+' and '/' of the seal's last 8 characters (a '+' read as a space made a fresh CFDI 'No Encontrado')", () => {
    const q = parseExpression(
      "https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=0A1B2C3D-0000-4000-8000-0123456789AB&re=AAA010101AAA&rr=SEP210905778&tt=696.00&fe=k+Q/ab==",
    )
    expect(q).toEqual({ id: "0A1B2C3D-0000-4000-8000-0123456789AB", re: "AAA010101AAA", rr: "SEP210905778", tt: "696.00", fe: "k+Q/ab==" })
  })

  it("reads an RFC with '&' written as '&amp;' and %-escaped values, and keeps a stray '%'", () => {
    expect(parseExpression("?re=A&amp;B010101AAA&rr=XAXX010101000&tt=1.00&id=x&fe=ab%2Bc").re).toBe("A&B010101AAA")
    expect(parseExpression("?re=X&fe=ab%2Bc").fe).toBe("ab+c")
    expect(parseExpression("?re=X&fe=50%").fe).toBe("50%")
  })
})
