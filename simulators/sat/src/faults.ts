/**
 * Fault injection for the SAT simulator, by environment (rates for every
 * call) or per request with `X-Fault`, deterministic with a seed. The same
 * scheme as the SICOP/SIAFF simulator, with SAT's own ways of failing.
 */
export type FaultConfig = {
  latencyMs: number
  /** HTTP 500 with a SOAP fault (before stamping, or after: the answer is lost). */
  rate500: number
  /** Hangs `hangMs` (longer than the client's timeout), then answers. */
  rateTimeout: number
  /** A wrong answer: an unreadable body with HTTP 200. */
  rateGarbage: number
  /** SAT answers "N - 602 Comprobante no encontrado" for a CFDI it has (propagation delay). */
  rateNotFound: number
  hangMs: number
  /** Seed of the random decisions (null: Math.random): the n-th request gets the same fault on every run. */
  seed: number | null
}

export type Fault = "none" | "500" | "500-after" | "timeout" | "garbage" | "not-found"

const FAULTS: Fault[] = ["500", "500-after", "timeout", "garbage", "not-found"]

export function faultsFromEnv(env: NodeJS.ProcessEnv): FaultConfig {
  const n = (v: string | undefined, d: number) => (v === undefined || v === "" ? d : Number(v))
  return {
    latencyMs: n(env.SIM_LATENCY_MS, 0),
    rate500: n(env.SIM_FAULT_500_RATE, 0),
    rateTimeout: n(env.SIM_FAULT_TIMEOUT_RATE, 0),
    rateGarbage: n(env.SIM_FAULT_GARBAGE_RATE, 0),
    rateNotFound: n(env.SIM_FAULT_NOT_FOUND_RATE, 0),
    hangMs: n(env.SIM_HANG_MS, 8000),
    seed: env.SIM_FAULT_SEED ? Number(env.SIM_FAULT_SEED) : null,
  }
}

/** mulberry32: uniform numbers in [0, 1) from a 32-bit seed. */
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

/** Math.random, or a seeded sequence that restarts whenever `config.seed` changes. */
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
 * X-Fault: comma-separated `500`, `500-after`, `timeout`, `garbage`,
 * `not-found`, `latency=<ms>`, `hang=<ms>`, `rate500=<p>`, `ratetimeout=<p>`,
 * `rategarbage=<p>`, `ratenotfound=<p>`. An explicit fault wins; otherwise
 * one random draw picks by the rates.
 */
export function decideFault(header: string | undefined, base: FaultConfig, random: () => number): { fault: Fault; config: FaultConfig } {
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
      if (name === "hang") {
        config.hangMs = v
      }
      if (name === "rate500") {
        config.rate500 = v
      }
      if (name === "ratetimeout") {
        config.rateTimeout = v
      }
      if (name === "rategarbage") {
        config.rateGarbage = v
      }
      if (name === "ratenotfound") {
        config.rateNotFound = v
      }
    } else if ((FAULTS as string[]).includes(name)) {
      explicit = name as Fault
    }
  }
  if (explicit) {
    return { fault: explicit, config }
  }
  const r = random()
  const half = random() < 0.5
  let edge = config.rate500
  if (r < edge) {
    return { fault: half ? "500" : "500-after", config }
  }
  if (r < (edge += config.rateTimeout)) {
    return { fault: "timeout", config }
  }
  if (r < (edge += config.rateGarbage)) {
    return { fault: "garbage", config }
  }
  if (r < (edge += config.rateNotFound)) {
    return { fault: "not-found", config }
  }
  return { fault: "none", config }
}
