/**
 * In-process caches in front of catalog search. Correctness comes from the
 * keys, not from expiry: every key carries the database-maintained version
 * of what the value was computed from (eligibility facts, search index), so
 * any committed change — made by any process — is a cache miss on the next
 * request. Expiry only bounds memory and what the versions do not cover: the
 * passage of time (a contract or sanction starting or ending at a date) and
 * organization data (units, their state, supplier names), at most
 * `SEARCH_CACHE_TTL_SECONDS` late (default 30; 0 turns the caches off).
 */
export class TtlLru<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>()
  private readonly pending = new Map<string, Promise<V>>()

  constructor(private readonly max: number) {}

  get(key: string, now = Date.now()): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) {
      return undefined
    }
    this.entries.delete(key)
    if (entry.expires <= now) {
      return undefined
    }
    // re-insert: Map order is the recency order
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V, ttlMs: number, now = Date.now()): void {
    if (ttlMs <= 0) {
      return
    }
    this.entries.delete(key)
    this.entries.set(key, { value, expires: now + ttlMs })
    while (this.entries.size > this.max) {
      this.entries.delete(this.entries.keys().next().value as string)
    }
  }

  /**
   * The cached value, or the one `compute` yields. Concurrent misses of one
   * key share a single computation (no stampede of identical queries when
   * a popular answer expires or a version changes); a failure is not cached.
   */
  async load(key: string, ttlMs: number, compute: () => Promise<V>): Promise<V> {
    return (await this.lookup(key, ttlMs, compute)).value
  }

  /** `load`, telling where the value came from: the cache, this computation, or one already in flight. */
  async lookup(key: string, ttlMs: number, compute: () => Promise<V>): Promise<{ value: V; source: "hit" | "miss" | "shared" }> {
    const hit = ttlMs > 0 ? this.get(key) : undefined
    if (hit !== undefined) {
      return { value: hit, source: "hit" }
    }
    const running = this.pending.get(key)
    if (running) {
      return { value: await running, source: "shared" }
    }
    const promise = compute()
      .then((value) => {
        this.set(key, value, ttlMs)
        return value
      })
      .finally(() => this.pending.delete(key))
    this.pending.set(key, promise)
    return { value: await promise, source: "miss" }
  }

  get size(): number {
    return this.entries.size
  }

  clear(): void {
    this.entries.clear()
  }
}

/** Cache lifetime in milliseconds (`SEARCH_CACHE_TTL_SECONDS`, default 30). */
export function cacheTtlMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SEARCH_CACHE_TTL_SECONDS
  const seconds = raw === undefined || raw === "" ? 30 : Number(raw)
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 0
}

/** JSON with sorted object keys: equal queries give equal cache keys. */
export function stableKey(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableKey).join(",")}]`
  }
  if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableKey(obj[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}
