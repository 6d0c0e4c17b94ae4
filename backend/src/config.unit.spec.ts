import jwt from "jsonwebtoken"
import { assertProductionSecrets, buildModules, jwtVerification, resolveWorkerMode } from "./config"

describe("backend configuration from the environment", () => {
  it("verifies bearer tokens with the shared secret as a key object, HS256 only", () => {
    const { jwtPublicKey, jwtVerifyOptions } = jwtVerification({ JWT_SECRET: "s".repeat(40) })
    const token = jwt.sign({ actor_id: "cus_1" }, "s".repeat(40), { algorithm: "HS256" })
    expect((jwt.verify(token, jwtPublicKey!, jwtVerifyOptions) as { actor_id: string }).actor_id).toBe("cus_1")
    const forged = jwt.sign({ actor_id: "cus_1" }, "another secret", { algorithm: "HS256" })
    expect(() => jwt.verify(forged, jwtPublicKey!, jwtVerifyOptions)).toThrow(/invalid signature/)
    const other = jwt.sign({ actor_id: "cus_1" }, "s".repeat(40), { algorithm: "HS512" })
    expect(() => jwt.verify(other, jwtPublicKey!, jwtVerifyOptions)).toThrow(/invalid algorithm/)
    expect(jwtVerification({ JWT_PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----" })).toEqual({})
  })

  it("gives every token its own jti, as Medusa signs them (options spread per call), so logging out one session never ends another", () => {
    const { jwtOptions, jwtPublicKey, jwtVerifyOptions } = jwtVerification({ JWT_SECRET: "s".repeat(40) })
    const payload = { actor_id: "cus_1", actor_type: "customer" }
    const sign = () => jwt.sign(payload, "s".repeat(40), { ...jwtOptions, expiresIn: "1d" })
    const [a, b] = [sign(), sign()]
    expect(a).not.toBe(b)
    const claims = [a, b].map((t) => jwt.verify(t, jwtPublicKey!, jwtVerifyOptions) as { jti: string; iat: number })
    expect(claims[0].jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(claims[0].jti).not.toBe(claims[1].jti)
  })

  it("switches on Medusa's Redis modules only when REDIS_URL is set", () => {
    expect(buildModules({}).map((m) => m.key)).toEqual(["payment", "tax", "notification"])
    const keys = buildModules({ REDIS_URL: "redis://localhost:6379" }).map((m) => [m.key, m.resolve])
    expect(keys).toEqual([
      ["cache", "@medusajs/medusa/cache-redis"],
      ["event_bus", "@medusajs/medusa/event-bus-redis"],
      ["workflows", "@medusajs/medusa/workflow-engine-redis"],
      ["locking", "@medusajs/medusa/locking"],
      ["payment", "@medusajs/medusa/payment"],
      ["tax", "@medusajs/medusa/tax"],
      ["notification", "@medusajs/medusa/notification"],
    ])
  })

  it("sends e-mail through SMTP only when SMTP_HOST is set; the local provider keeps the feed", () => {
    const providers = (env: Record<string, string>) =>
      (
        buildModules(env).find((m) => m.key === "notification")!.options!.providers as { id: string; options: { channels: string[] } }[]
      ).map((p) => [p.id, p.options.channels])
    expect(providers({})).toEqual([["local", ["feed", "email"]]])
    expect(providers({ SMTP_HOST: "smtp.hacienda.gob.mx", SMTP_FROM: "tienda@hacienda.gob.mx" })).toEqual([
      ["local", ["feed"]],
      ["smtp", ["email"]],
    ])
  })

  it("always registers the budget payment provider; Stripe only with STRIPE_API_KEY", () => {
    const ids = (env: Record<string, string>) =>
      (buildModules(env).find((m) => m.key === "payment")!.options!.providers as { id: string; resolve: string }[]).map((p) => p.resolve)
    expect(ids({})).toEqual(["@tienda/budget/providers/payment-budget"])
    expect(ids({ STRIPE_API_KEY: "sk_test_123" })).toEqual(["@tienda/budget/providers/payment-budget", "@medusajs/medusa/payment-stripe"])
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
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: "supersecret", COOKIE_SECRET: strong, DATABASE_URL: "postgres://x" }),
    ).toThrow(/JWT_SECRET/)
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: "corto", DATABASE_URL: "postgres://x" }),
    ).toThrow(/COOKIE_SECRET/)
    expect(() => assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong })).toThrow(/DATABASE_URL/)
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong, DATABASE_URL: "postgres://x" }),
    ).not.toThrow()
  })
})
