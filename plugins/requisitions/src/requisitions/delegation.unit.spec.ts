import { DEFAULT_MAX_DELEGATION_DAYS, delegationInForce, delegationPeriodProblem } from "./delegation"

describe("delegation periods under the agency's policy", () => {
  const d = (s: string) => new Date(s)

  it("accepts a period up to the policy's maximum and refuses one a day longer, or one that ends before it starts", () => {
    expect(delegationPeriodProblem(d("2026-12-01T00:00:00Z"), d("2027-03-01T00:00:00Z"), DEFAULT_MAX_DELEGATION_DAYS)).toBeNull()
    expect(delegationPeriodProblem(d("2026-12-01T00:00:00Z"), d("2027-03-02T00:00:00Z"), DEFAULT_MAX_DELEGATION_DAYS)).toEqual({
      code: "DELEGACION_EXCEDE_PLAZO",
      message: "Una delegación puede durar a lo más 90 días según la política de tu dependencia; la solicitada dura 91.",
    })
    expect(delegationPeriodProblem(d("2026-12-01T00:00:00Z"), d("2099-12-31T00:00:00Z"), 15)?.code).toBe("DELEGACION_EXCEDE_PLAZO")
    expect(delegationPeriodProblem(d("2026-12-02T00:00:00Z"), d("2026-12-01T00:00:00Z"), 90)?.code).toBe("PERIODO_INVALIDO")
    expect(delegationPeriodProblem(d("nope"), d("2026-12-01T00:00:00Z"), 90)?.code).toBe("PERIODO_INVALIDO")
  })

  it("acts inside its period only, and not from the moment it is revoked", () => {
    const period = { starts_at: "2026-12-01T00:00:00Z", ends_at: "2026-12-10T00:00:00Z" }
    expect(delegationInForce(period, d("2026-11-30T23:59:59Z"))).toBe(false)
    expect(delegationInForce(period, d("2026-12-05T00:00:00Z"))).toBe(true)
    expect(delegationInForce(period, d("2026-12-10T00:00:00Z"))).toBe(false)
    const revoked = { ...period, revoked_at: "2026-12-04T12:00:00Z" }
    expect(delegationInForce(revoked, d("2026-12-04T11:59:59Z"))).toBe(true)
    expect(delegationInForce(revoked, d("2026-12-04T12:00:00Z"))).toBe(false)
  })
})
