import { decideFault, faultRandom, faultsFromEnv, type FaultConfig } from "./faults"

const config = (over: Partial<FaultConfig> = {}): FaultConfig => ({ ...faultsFromEnv({}), ...over })
const faultsOf = (c: FaultConfig, n: number) => {
  const random = faultRandom(c)
  return Array.from({ length: n }, () => decideFault(undefined, c, random).fault)
}

describe("SAT simulator fault injection", () => {
  it("with a seed, replays the same sequence of SAT failures on every run", () => {
    const c = config({ rate500: 0.1, rateTimeout: 0.05, rateGarbage: 0.1, rateNotFound: 0.05, seed: 2026 })
    const first = faultsOf(c, 300)
    expect(faultsOf(c, 300)).toEqual(first)
    expect(faultsOf({ ...c, seed: 7 }, 300)).not.toEqual(first)
    const injected = first.filter((f) => f !== "none")
    // About the configured 30 %, with every kind of failure.
    expect(injected.length).toBeGreaterThan(60)
    expect(injected.length).toBeLessThan(120)
    expect(new Set(injected)).toEqual(new Set(["500", "500-after", "timeout", "garbage", "not-found"]))
  })

  it("X-Fault forces one failure or overrides the rates; SIM_FAULT_* set the defaults", () => {
    const c = config({ seed: 1 })
    expect(decideFault("garbage", c, faultRandom(c)).fault).toBe("garbage")
    expect(decideFault("ratenotfound=1", c, faultRandom(c)).fault).toBe("not-found")
    expect(decideFault("latency=25,hang=10", c, faultRandom(c)).config).toMatchObject({ latencyMs: 25, hangMs: 10 })
    expect(faultsOf(c, 50).every((f) => f === "none")).toBe(true)
    expect(faultsFromEnv({ SIM_FAULT_SEED: "9", SIM_FAULT_GARBAGE_RATE: "0.2", SIM_FAULT_NOT_FOUND_RATE: "0.1" })).toMatchObject({
      seed: 9,
      rateGarbage: 0.2,
      rateNotFound: 0.1,
    })
  })
})
