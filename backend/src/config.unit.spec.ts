import { assertProductionSecrets, buildModules, resolveWorkerMode } from "./config"

describe("backend configuration from the environment", () => {
  it("switches on Medusa's Redis modules only when REDIS_URL is set", () => {
    expect(buildModules({})).toEqual([])
    const keys = buildModules({ REDIS_URL: "redis://localhost:6379" }).map((m) => [m.key, m.resolve])
    expect(keys).toEqual([
      ["cache", "@medusajs/medusa/cache-redis"],
      ["event_bus", "@medusajs/medusa/event-bus-redis"],
      ["workflows", "@medusajs/medusa/workflow-engine-redis"],
      ["locking", "@medusajs/medusa/locking"],
    ])
  })

  it("adds the Stripe payment provider only with STRIPE_API_KEY", () => {
    const mods = buildModules({ STRIPE_API_KEY: "sk_test_123" })
    expect(mods).toHaveLength(1)
    expect(JSON.stringify(mods[0])).toContain("@medusajs/medusa/payment-stripe")
  })

  it("accepts the three worker modes and rejects anything else", () => {
    expect(resolveWorkerMode(undefined)).toBe("shared")
    expect(resolveWorkerMode("server")).toBe("server")
    expect(resolveWorkerMode("worker")).toBe("worker")
    expect(() => resolveWorkerMode("both")).toThrow(/shared, server o worker/)
  })

  it("refuses to run production with default or short secrets", () => {
    const strong = "a".repeat(16) + "b".repeat(16)
    expect(() => assertProductionSecrets({ NODE_ENV: "development" })).not.toThrow()
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: strong, DATABASE_URL: "postgres://x" })
    ).toThrow(/JWT_SECRET/)
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: "corto", DATABASE_URL: "postgres://x" })
    ).toThrow(/COOKIE_SECRET/)
    expect(() => assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong })).toThrow(
      /DATABASE_URL/
    )
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong, DATABASE_URL: "postgres://x" })
    ).not.toThrow()
  })
})
