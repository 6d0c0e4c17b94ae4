import { auditRetentionYears, retainedSince } from "./config"

describe("AUDIT_RETENTION_YEARS", () => {
  it.each([
    [undefined, 3],
    ["", 3],
    ["5", 5],
    ["10.9", 10],
    ["2", 3],
    ["0", 3],
    ["-4", 3],
    ["tres", 3],
  ])("%p → %p years (never below the legal 3)", (value, years) => {
    expect(auditRetentionYears({ AUDIT_RETENTION_YEARS: value })).toBe(years)
  })

  it("gives the first retained day", () => {
    expect(retainedSince(3, new Date("2026-11-22T05:00:00Z"))).toBe("2023-11-22")
    expect(retainedSince(5, new Date("2028-02-29T12:00:00Z"))).toBe("2023-03-01")
  })
})
