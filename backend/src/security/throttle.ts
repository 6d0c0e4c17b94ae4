import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from "rate-limiter-flexible"

const WINDOW_SECONDS = 15 * 60

/** How many failed logins an account, and how many attempts an address, may make per 15 minutes. */
export function loginLimits(env: Record<string, string | undefined> = process.env) {
  const n = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : d)
  return {
    failuresPerAccount: n(env.LOGIN_MAX_FAILURES_PER_ACCOUNT, 5),
    attemptsPerAddress: n(env.LOGIN_MAX_ATTEMPTS_PER_ADDRESS, 300),
    /** A failed login is answered no sooner than this (ms); above the password hash's cost. */
    failureFloorMs: n(env.LOGIN_FAILURE_FLOOR_MS, 400),
  }
}

type Limiters = { account: RateLimiterAbstract; address: RateLimiterAbstract }

/**
 * Counters shared by every process of the store: in Redis when REDIS_URL is
 * set, else in the store's PostgreSQL (table `auth_login_throttle`); an
 * in-memory counter stands in while the store is unreachable.
 */
async function makeLimiters(container: MedusaContainer): Promise<Limiters> {
  const limits = loginLimits()
  const base = (keyPrefix: string, points: number) => ({ keyPrefix, points, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS })
  const make = async (keyPrefix: string, points: number): Promise<RateLimiterAbstract> => {
    const insuranceLimiter = new RateLimiterMemory(base(keyPrefix, points))
    if (process.env.REDIS_URL) {
      const { Redis } = await import("ioredis")
      const storeClient = new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false })
      return new RateLimiterRedis({ ...base(keyPrefix, points), storeClient, insuranceLimiter })
    }
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    return await new Promise<RateLimiterAbstract>((resolve) => {
      const limiter: RateLimiterPostgres = new RateLimiterPostgres(
        {
          ...base(keyPrefix, points),
          storeClient: knex,
          storeType: "knex",
          tableName: "auth_login_throttle",
          clearExpiredByTimeout: false,
          insuranceLimiter,
        },
        (err?: unknown) => resolve(err ? insuranceLimiter : limiter),
      )
    })
  }
  return {
    account: await make("login_account", limits.failuresPerAccount),
    address: await make("login_address", limits.attemptsPerAddress),
  }
}

let limiters: Promise<Limiters> | undefined

const isRejection = (e: unknown): e is RateLimiterRes => !!e && typeof e === "object" && "msBeforeNext" in e

function tooMany(res: MedusaResponse, rejection: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
  res.setHeader("Retry-After", String(seconds))
  res.status(429).json({
    type: "too_many_requests",
    code: "DEMASIADOS_INTENTOS",
    message: `Demasiados intentos de inicio de sesión. Espera ${Math.ceil(seconds / 60)} minuto(s) antes de volver a intentarlo.`,
  })
}

/**
 * Login throttling on `POST /auth/:actor_type/:auth_provider`: every attempt
 * counts against the client address and against the account (actor type +
 * e-mail); a successful login clears the account's count. Once an account
 * reaches its limit even the right password is refused until the window ends.
 */
export async function throttleLogin(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  limiters ??= makeLimiters(req.scope)
  const { account, address } = await limiters
  const email = String((req.body as { email?: unknown } | undefined)?.email ?? "")
    .trim()
    .toLowerCase()
  const accountKey = `${(req.params?.actor_type ?? "").toLowerCase()}:${email}`
  try {
    // counted before the attempt runs, so parallel or quick attempts cannot slip past the limit
    await address.consume(req.ip ?? "desconocida")
    await account.consume(accountKey)
  } catch (e) {
    if (isRejection(e)) {
      return tooMany(res, e)
    }
    return next(e)
  }
  // A failed login answers no sooner than a fixed floor after it arrived, whether the
  // account exists (password hash checked) or not (answered at once by Medusa): the
  // time of the answer does not tell which accounts exist.
  const arrived = Date.now()
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    const wait = res.statusCode === 401 ? loginLimits().failureFloorMs - (Date.now() - arrived) : 0
    if (wait > 0) {
      setTimeout(() => json(body), wait)
      return res
    }
    return json(body)
  }) as MedusaResponse["json"]
  // a successful login clears the account's count
  res.on("finish", () => {
    if (res.statusCode === 200) {
      account.delete(accountKey).catch(() => undefined)
    }
  })
  return next()
}
