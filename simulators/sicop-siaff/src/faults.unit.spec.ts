import { decideFault, faultRandom, faultsFromEnv, type FaultConfig } from "./faults"

const config = (over: Partial<FaultConfig> = {}): FaultConfig => ({ ...faultsFromEnv({}), ...over })
const faultsOf = (c: FaultConfig, n: number) => {
  const random = faultRandom(c)
  return Array.from({ length: n }, () => decideFault(undefined, c, random).fault)
}

describe("simulator fault injection", () => {
  it("with a seed, replays the same fault sequence on every run", () => {
    const c = config({ rate500: 0.15, rateTimeout: 0.15, seed: 2026 })
    const first = faultsOf(c, 200)
    expect(faultsOf(c, 200)).toEqual(first)
    expect(faultsOf(config({ rate500: 0.15, rateTimeout: 0.15, seed: 7 }), 200)).not.toEqual(first)
    // About the configured 30 %, split between 500s and timeouts, each before or after applying.
    const injected = first.filter((f) => f !== "none")
    expect(injected.length).toBeGreaterThan(40)
    expect(injected.length).toBeLessThan(80)
    expect(new Set(injected)).toEqual(new Set(["500", "500-after", "timeout", "timeout-after"]))
  })

  it("the sequence restarts when the live config's seed changes; SIM_FAULT_SEED sets it", () => {
    const c = config({ rate500: 0.3, seed: 1 })
    const random = faultRandom(c)
    const a = [random(), random()]
    c.seed = 2
    const b = random()
    c.seed = 1
    expect([random(), random()]).toEqual(a)
    expect(b).not.toBe(a[0])
    expect(faultsFromEnv({ SIM_FAULT_SEED: "2026" }).seed).toBe(2026)
    expect(faultsFromEnv({}).seed).toBeNull()
  })

  it("an explicit X-Fault header wins over the rates; no rates, no faults", () => {
    const c = config({ rate500: 1, seed: 3 })
    expect(decideFault("timeout-after", c, faultRandom(c)).fault).toBe("timeout-after")
    expect(faultsOf(config({ seed: 3 }), 50).every((f) => f === "none")).toBe(true)
  })
})
