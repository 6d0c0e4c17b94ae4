import { isAssignmentActive } from "./access-context"

describe("isAssignmentActive", () => {
  const now = new Date("2026-11-22T12:00:00Z")
  it("honours a role inside its validity period only", () => {
    expect(isAssignmentActive({ valid_from: "2026-01-01T00:00:00Z", valid_until: null }, now)).toBe(true)
    expect(isAssignmentActive({ valid_from: "2026-11-22T12:00:00Z", valid_until: null }, now)).toBe(true)
    expect(isAssignmentActive({ valid_from: "2026-12-01T00:00:00Z", valid_until: null }, now)).toBe(false)
    expect(isAssignmentActive({ valid_from: "2026-01-01T00:00:00Z", valid_until: "2026-11-22T12:00:00Z" }, now)).toBe(false)
    expect(isAssignmentActive({ valid_from: new Date("2026-01-01"), valid_until: new Date("2027-01-01") }, now)).toBe(true)
  })
})
