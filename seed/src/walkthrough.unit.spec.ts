import { AGENCIES, AGENCY_ROLE_UNITS } from "./fixtures/agencies"
import { requisitionWalkthrough, type DemoLogin } from "./fixtures/walkthrough"

describe("the demo walkthrough of a requisition", () => {
  const agency = AGENCIES[0]
  const logins: DemoLogin[] = [
    ...AGENCY_ROLE_UNITS.map((r) => ({
      role: r.role,
      email: `${r.local}@${agency.email_domain}`,
      organization: agency.short_name,
      actor_type: "customer",
    })),
    { role: "supplier_user", email: "ventas@papeleria.demo.mx", organization: "Papelería", actor_type: "supplier" },
  ]

  it("gives every approval step of the demo policy a holder other than the requester, and names who signs", () => {
    const walk = requisitionWalkthrough(logins)
    const requester = `area.requirente@${agency.email_domain}`
    expect(walk[0]).toEqual({ step: "Elabora la requisición desde el carrito y la envía", email: requester })
    const approvals = walk.filter((w) => w.step.startsWith("Paso"))
    expect(approvals.map((w) => w.email)).toEqual([
      `titular.area.requirente@${agency.email_domain}`,
      `unidad.compradora@${agency.email_domain}`,
      `presupuesto@${agency.email_domain}`,
    ])
    expect(approvals[0].step).toMatch(/^Paso 1 de aprobación — .*Área Requirente/)
    expect(approvals[2].step).toMatch(/^Paso 3 de aprobación — .+ \(desde \$50,000\.00\)$/)
    expect(approvals.every((w) => w.email !== requester)).toBe(true)
    expect(walk.at(-1)!.email).toBe("ventas@papeleria.demo.mx")
  })

  it("refuses a world where only the requester could approve a step", () => {
    const withoutHead = logins.filter((l) => !l.email.startsWith("titular.area.requirente"))
    expect(() => requisitionWalkthrough(withoutHead)).toThrow(/step 1 \(requiring_unit\) has no holder other than the requester/)
  })
})
