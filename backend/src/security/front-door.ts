import type { MedusaNextFunction as NextFunction, MedusaRequest as Request, MedusaResponse as Response } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { errorResponse, type ErrorBody } from "./errors"

/**
 * The front door: what must run before anything Medusa mounts on the Express
 * app itself, ahead of the application's middlewares (`api/middlewares.ts`).
 *
 * Medusa mounts the admin dashboard (`/app`, its index.html and static assets)
 * and its own authentication of `/admin` (a bare `401 { message:
 * "Unauthorized" }`) directly on the app, before any middleware of ours runs.
 * So two things have to be installed earlier:
 *
 * - the dashboard's headers: nobody may frame it (clickjacking), no MIME sniffing;
 * - Spanish error bodies for answers Medusa's middlewares send themselves on
 *   `/admin`, `/store` and `/auth` (they never reach the error handler).
 *
 * Medusa offers no hook that receives the Express app before its loaders
 * run, so `installFrontDoor()` (called from medusa-config.ts, which every
 * start reads before the loaders) wraps Medusa's admin loader: the wrapper
 * registers the front door on the app, then lets the loader mount the
 * dashboard after it. `integration-tests/http/security.spec.ts` checks both
 * over HTTP against the real dashboard router; if a Medusa upgrade moves the
 * loader, `installFrontDoor` throws at start instead of silently dropping
 * the protection.
 */

/** Headers of every dashboard answer (index.html, its assets, its client routes). */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "frame-ancestors 'none'",
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
}

/** The answer to a request Medusa's authentication refused (no token, a bad or expired one). */
export const NOT_AUTHENTICATED: ErrorBody = {
  type: "unauthorized",
  code: "NO_AUTENTICADO",
  message: "Inicia sesión para continuar: falta el token de acceso, no es válido o ya venció.",
}

const OWN_CODE = /^[A-Z][A-Z0-9_]{2,}$/

/** The Spanish body for an error answer that does not carry one of our codes. */
export function directErrorBody(status: number, body: unknown): ErrorBody | null {
  if (status < 400) {
    return null
  }
  const code = (body as { code?: unknown } | null | undefined)?.code
  if (typeof code === "string" && OWN_CODE.test(code)) {
    return null
  }
  return status === 401 ? NOT_AUTHENTICATED : errorResponse({ statusCode: status }).body
}

export function dashboardHeaders(_req: Request, res: Response, next: NextFunction) {
  for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) {
    res.setHeader(name, value)
  }
  next()
}

/**
 * Rewrites error answers sent with `res.json` by middlewares that run before
 * the application's error handler (Medusa's authentication: "Unauthorized")
 * into `{ type, code, message }` in Spanish. Answers with one of our codes
 * pass untouched.
 */
export function spanishDirectErrors(_req: Request, res: Response, next: NextFunction) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => json(directErrorBody(res.statusCode, body) ?? body)) as Response["json"]
  next()
}

type App = { use: (...args: unknown[]) => unknown }

/** Registers the front door on the Express app (before the dashboard and Medusa's API). */
export function frontDoor(app: App, dashboardPath = "/app") {
  app.use(dashboardPath, dashboardHeaders)
  app.use(["/admin", "/store", "/auth"], spanishDirectErrors)
}

type AdminLoader = (args: { app: App; configModule?: { admin?: { path?: string } } }) => unknown
const WRAPPED = Symbol.for("tienda.frontDoor")

/**
 * Wraps Medusa's admin loader (which receives the Express app first) so the
 * front door is registered before the dashboard and the API routes. Idempotent.
 */
export function installFrontDoor(loaderModule: { default?: unknown } = require("@medusajs/medusa/loaders/admin")) {
  const original = loaderModule.default as (AdminLoader & { [WRAPPED]?: true }) | undefined
  if (typeof original !== "function") {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "front door: Medusa's admin loader (@medusajs/medusa/loaders/admin) was not found; the dashboard and /admin would lose their headers and Spanish errors",
    )
  }
  if (original[WRAPPED]) {
    return
  }
  const wrapped: AdminLoader & { [WRAPPED]?: true } = (args) => {
    frontDoor(args.app, args.configModule?.admin?.path || "/app")
    return original(args)
  }
  wrapped[WRAPPED] = true
  loaderModule.default = wrapped
}
