/**
 * Environment-driven pieces of medusa-config.ts, kept here so they are unit
 * tested: which infrastructure modules to load, the worker mode, and the
 * refusal to run production with the development secrets.
 */

import { createSecretKey, randomUUID, type KeyObject } from "node:crypto"

type Env = Record<string, string | undefined>

/** A configuration mistake that must stop the process before it serves. */
export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigurationError"
  }
}

export const DEFAULT_SECRETS = ["supersecret", "changeme", "secret", ""]

export type WorkerMode = "shared" | "server" | "worker"

export function resolveWorkerMode(value: string | undefined): WorkerMode {
  const mode = (value || "shared").trim()
  if (mode !== "shared" && mode !== "server" && mode !== "worker") {
    throw new ConfigurationError(`MEDUSA_WORKER_MODE="${value}" no es válido: usa shared, server o worker.`)
  }
  return mode
}

/** In production, refuses to start with missing or well-known secrets. */
export function assertProductionSecrets(env: Env): void {
  if (env.NODE_ENV !== "production") {
    return
  }
  const weak = ["JWT_SECRET", "COOKIE_SECRET"].filter((k) => {
    const v = env[k]
    return !v || DEFAULT_SECRETS.includes(v) || v.length < 32
  })
  if (weak.length) {
    throw new ConfigurationError(
      `Configuración insegura: ${weak.join(" y ")} debe(n) tener un valor propio de al menos 32 caracteres en producción (NODE_ENV=production). Genera uno con: openssl rand -hex 32`,
    )
  }
  if (!env.DATABASE_URL) {
    throw new ConfigurationError("DATABASE_URL es obligatorio en producción.")
  }
}

/**
 * How bearer tokens are verified. With the usual shared secret (HS256), hand
 * Medusa the secret as a KeyObject and pin the algorithm: jsonwebtoken,
 * given a string, first tries to parse it as a PEM public key and throws,
 * which cost ≈ 2 ms of CPU on every authenticated request (measured,
 * docs/benchmarks.md). Tokens are still signed with `jwtSecret`. Left alone
 * when JWT_PUBLIC_KEY is set (asymmetric keys: configure algorithms there).
 */
export function jwtVerification(env: Env): {
  jwtPublicKey?: KeyObject
  jwtVerifyOptions?: { algorithms: ["HS256"] }
  jwtOptions?: { algorithm: "HS256"; readonly jwtid: string }
} {
  if (env.JWT_PUBLIC_KEY) {
    return {}
  }
  return {
    jwtPublicKey: createSecretKey(Buffer.from(env.JWT_SECRET || "supersecret", "utf8")),
    // verification names its own options, so it never compares the jti below
    jwtVerifyOptions: { algorithms: ["HS256"] },
    // signing: HS256 is jsonwebtoken's default; naming it keeps Medusa's
    // "public key without algorithm" check quiet. Medusa spreads these options
    // into every sign call, so the `jwtid` getter gives each token its own jti:
    // without it two logins of one person in the same second get the same
    // token, and a logout (which revokes that token) would end both.
    jwtOptions: Object.defineProperty({ algorithm: "HS256" as const }, "jwtid", { enumerable: true, get: () => randomUUID() }) as {
      algorithm: "HS256"
      readonly jwtid: string
    },
  }
}

type ModuleEntry = { key: string; resolve: string; options?: Record<string, unknown> }

/** Infrastructure modules chosen from the environment. */
export function buildModules(env: Env): ModuleEntry[] {
  const modules: ModuleEntry[] = []
  const redisUrl = env.REDIS_URL
  if (redisUrl) {
    modules.push(
      { key: "cache", resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      { key: "event_bus", resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      {
        key: "workflows",
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: "locking",
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    )
  }
  // Payment: the budget provider (pp_budget_budget) always; Stripe for
  // own-resources entities only when STRIPE_API_KEY is set.
  const paymentProviders: ModuleEntry[] = [{ key: "budget", resolve: "@tienda/budget/providers/payment-budget" }]
  if (env.STRIPE_API_KEY) {
    paymentProviders.push({
      key: "stripe",
      resolve: "@medusajs/medusa/payment-stripe",
      options: {
        apiKey: env.STRIPE_API_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        capture: false,
      },
    })
  }
  modules.push({
    key: "payment",
    resolve: "@medusajs/medusa/payment",
    options: {
      providers: paymentProviders.map(({ key, resolve, options }) => ({ resolve, id: key, options: options ?? {} })),
    },
  })
  // Tax: the México region's IVA per item treatment (16 %, 0 %, exempt) — `tp_iva_iva`.
  modules.push({
    key: "tax",
    resolve: "@medusajs/medusa/tax",
    options: { providers: [{ resolve: "@tienda/framework-contracts/providers/tax-iva", id: "iva" }] },
  })
  // Notifications: the local provider stores and logs the "feed" channel (and
  // "email" too unless SMTP is configured, so nothing is lost in development).
  const smtp = !!env.SMTP_HOST
  modules.push({
    key: "notification",
    resolve: "@medusajs/medusa/notification",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/notification-local",
          id: "local",
          options: { name: "Local", channels: smtp ? ["feed"] : ["feed", "email"] },
        },
        ...(smtp
          ? [
              {
                resolve: "./src/modules/notification-smtp",
                id: "smtp",
                options: {
                  channels: ["email"],
                  host: env.SMTP_HOST,
                  port: env.SMTP_PORT ? Number(env.SMTP_PORT) : 587,
                  secure: env.SMTP_SECURE === "true",
                  user: env.SMTP_USER,
                  password: env.SMTP_PASSWORD,
                  from: env.SMTP_FROM || "Tienda Digital <no-responder@tienda-digital.gob.mx>",
                },
              },
            ]
          : []),
      ],
    },
  })
  return modules
}
