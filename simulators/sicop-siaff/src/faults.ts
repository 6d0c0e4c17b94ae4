/** Fault injection: by environment (rates for every call) or per request with `X-Fault`. */
export type FaultConfig = {
  latencyMs: number
  rate500: number
  rateTimeout: number
  rateDuplicate: number
  /** How long a "timeout" hangs before answering (longer than the client's timeout). */
  hangMs: number
  /**
   * Seed of the random faults (null: Math.random). With a seed, the n-th
   * request gets the same decision on every run, so a test or a demo can
   * replay a fault sequence.
   */
  seed: number | null
}

export type Fault = "none" | "500" | "500-after" | "timeout" | "timeout-after" | "duplicate"

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultConfig {
  const n = (v: string | undefined, d: number) => (v === undefined || v === "" ? d : Number(v))
  return {
    latencyMs: n(env.SIM_LATENCY_MS, 0),
    rate500: n(env.SIM_FAULT_500_RATE, 0),
    rateTimeout: n(env.SIM_FAULT_TIMEOUT_RATE, 0),
    rateDuplicate: n(env.SIM_FAULT_DUPLICATE_RATE, 0),
    hangMs: n(env.SIM_HANG_MS, 5000),
    seed: env.SIM_FAULT_SEED ? Number(env.SIM_FAULT_SEED) : null,
  }
}

/** A small deterministic PRNG (mulberry32): uniform numbers in [0, 1) from a 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The random source of the fault decisions: Math.random, or a seeded
 * sequence that restarts whenever `config.seed` changes (tests change the
 * live config object).
 */
export function faultRandom(config: Pick<FaultConfig, "seed">): () => number {
  let seed: number | null = null
  let next: () => number = Math.random
  return () => {
    if (config.seed !== seed) {
      seed = config.seed
      next = seed === null ? Math.random : seededRandom(seed)
    }
    return next()
  }
}

/**
 * X-Fault: comma-separated `500`, `500-after` (applied, answer lost),
 * `timeout` (hangs, then applies late), `timeout-after` (applies, then
 * hangs), `duplicate` (the request is delivered twice), `latency=<ms>`,
 * `rate500=<0..1>`, `ratetimeout=<0..1>`, `rateduplicate=<0..1>`, `hang=<ms>`.
 */
export function decideFault(header: string | undefined, base: FaultConfig, random = Math.random): { fault: Fault; config: FaultConfig } {
  const config = { ...base }
  let explicit: Fault | null = null
  for (const part of (header ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    const [name, value] = part.split("=")
    if (value !== undefined) {
      const v = Number(value)
      if (name === "latency") {
        config.latencyMs = v
      }
      if (name === "rate500") {
        config.rate500 = v
      }
      if (name === "ratetimeout") {
        config.rateTimeout = v
      }
      if (name === "rateduplicate") {
        config.rateDuplicate = v
      }
      if (name === "hang") {
        config.hangMs = v
      }
    } else if (["500", "500-after", "timeout", "timeout-after", "duplicate"].includes(name)) {
      explicit = name as Fault
    }
  }
  if (explicit) {
    return { fault: explicit, config }
  }
  const r = random()
  const half = random() < 0.5
  if (r < config.rate500) {
    return { fault: half ? "500" : "500-after", config }
  }
  if (r < config.rate500 + config.rateTimeout) {
    return { fault: half ? "timeout" : "timeout-after", config }
  }
  if (r < config.rate500 + config.rateTimeout + config.rateDuplicate) {
    return { fault: "duplicate", config }
  }
  return { fault: "none", config }
}
