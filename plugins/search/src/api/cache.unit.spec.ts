import { cacheTtlMs, stableKey, TtlLru } from "./cache"

describe("search caches", () => {
  it("evicts the least recently used entry beyond its size", () => {
    const lru = new TtlLru<number>(2)
    lru.set("a", 1, 1000, 0)
    lru.set("b", 2, 1000, 0)
    expect(lru.get("a", 1)).toBe(1) // a is now the most recent
    lru.set("c", 3, 1000, 2)
    expect(lru.get("b", 3)).toBeUndefined()
    expect(lru.get("a", 3)).toBe(1)
    expect(lru.get("c", 3)).toBe(3)
    expect(lru.size).toBe(2)
  })

  it("forgets entries once they expire and stores nothing with ttl 0", () => {
    const lru = new TtlLru<string>(10)
    lru.set("k", "v", 100, 0)
    expect(lru.get("k", 99)).toBe("v")
    expect(lru.get("k", 100)).toBeUndefined()
    lru.set("z", "v", 0, 0)
    expect(lru.get("z", 0)).toBeUndefined()
  })

  it("runs one computation for concurrent misses of a key and caches its value", async () => {
    const lru = new TtlLru<number>(10)
    let calls = 0
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const compute = async () => {
      calls++
      await gate
      return 42
    }
    const all = Promise.all([lru.load("k", 1000, compute), lru.load("k", 1000, compute), lru.load("k", 1000, compute)])
    release()
    expect(await all).toEqual([42, 42, 42])
    expect(calls).toBe(1)
    expect(await lru.load("k", 1000, compute)).toBe(42)
    expect(calls).toBe(1)
  })

  it("does not cache a failed computation: the next load computes again", async () => {
    const lru = new TtlLru<number>(10)
    await expect(lru.load("k", 1000, async () => Promise.reject(new Error("db down")))).rejects.toThrow("db down")
    expect(await lru.load("k", 1000, async () => 7)).toBe(7)
  })

  it("reads the lifetime from SEARCH_CACHE_TTL_SECONDS (30 s by default, 0 or junk turns it off)", () => {
    expect(cacheTtlMs({})).toBe(30_000)
    expect(cacheTtlMs({ SEARCH_CACHE_TTL_SECONDS: "5" })).toBe(5_000)
    expect(cacheTtlMs({ SEARCH_CACHE_TTL_SECONDS: "0" })).toBe(0)
    expect(cacheTtlMs({ SEARCH_CACHE_TTL_SECONDS: "nope" })).toBe(0)
  })

  it("gives equal keys to equal queries whatever the key order, and different keys otherwise", () => {
    expect(stableKey({ q: "papel", class: ["44121700"], limit: 20 })).toBe(stableKey({ limit: 20, class: ["44121700"], q: "papel" }))
    expect(stableKey({ q: "papel", sme: undefined })).toBe(stableKey({ q: "papel" }))
    expect(stableKey({ q: "papel", offset: 0 })).not.toBe(stableKey({ q: "papel", offset: 20 }))
  })
})
