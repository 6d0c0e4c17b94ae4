import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareFunction } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { authorize, auditActorOf, type AuthorizedRequest } from "@tienda/organizations/http"
import { resolveAuditLedger } from "@tienda/organizations/audit"
import { budgetOfOwnOrganization, ownsResource } from "./ownership"
import { RouteMap, type RoutePolicy, type RouteRule } from "./policy"
import { bearerOf, isRevoked } from "./revocation"

/** Codes of the answers the guard gives; nothing else answers with them. */
export const GUARD_CODES = [
  "NO_AUTENTICADO",
  "TIPO_DE_CUENTA_NO_PERMITIDO",
  "CUENTA_SIN_ALTA",
  "CUENTA_SIN_ROL",
  "PERMISO_DENEGADO",
  "RUTA_NO_MAPEADA",
  "RUTA_FUERA_DEL_PROCEDIMIENTO",
  "RUTA_NO_DISPONIBLE",
  "PRESUPUESTO_DE_OTRA_ORGANIZACION",
  "SESION_CERRADA",
] as const

function deny(res: MedusaResponse, status: 401 | 403 | 404, code: string, message: string) {
  res.status(status).json({ type: status === 401 ? "unauthorized" : status === 404 ? "not_found" : "forbidden", code, message })
}

/** Runs middlewares in order; `done` is called only if every one of them calls next(). */
function runChain(chain: MiddlewareFunction[], req: MedusaRequest, res: MedusaResponse, done: MedusaNextFunction) {
  let i = 0
  const step = (err?: unknown) => {
    if (err) {
      return done(err)
    }
    const mw = chain[i++]
    if (!mw) {
      return done()
    }
    try {
      Promise.resolve(mw(req, res, step)).catch(done)
    } catch (e) {
      done(e)
    }
  }
  step()
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"])

/**
 * Appends a ledger entry for a successful mutation through a built-in Medusa
 * route (the ones our workflows do not audit themselves), naming the person
 * who made it, before the answer leaves.
 */
function auditBuiltInMutation(req: AuthorizedRequest, res: MedusaResponse, rule: RouteRule) {
  const json = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (res.statusCode >= 400) {
      return json(body)
    }
    const ledger = resolveAuditLedger(req.scope)
    const path = (req.originalUrl ?? req.url).split("?")[0]
    const entity = rule.path.split("/").filter(Boolean).slice(0, 2).join(".")
    void (async () => {
      try {
        await ledger?.appendEntries([
          {
            ...auditActorOf(req),
            action: `medusa.${req.method.toLowerCase()} ${rule.path}`,
            entity_type: entity,
            entity_id: path,
            details: { route: rule.path, method: req.method, status: res.statusCode },
          },
        ])
        json(body)
      } catch (e) {
        req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`audit of ${req.method} ${path} failed: ${(e as Error).message}`)
        res.status(500)
        json({
          type: "unexpected_state",
          code: "AUDITORIA_NO_REGISTRADA",
          message: "No se pudo registrar la operación en la bitácora de auditoría.",
        })
      }
    })()
    return res
  }) as MedusaResponse["json"]
}

/**
 * Deny by default: the first middleware of every request. Finds the route's
 * rule in the map (Medusa's built-in routes and every plugin's declared
 * `authorize`), refuses unmapped and refused routes, authenticates and checks
 * the caller against the role-permission matrix, requires admin users to hold
 * a role in force, refuses bearer tokens ended by logout, checks ownership of
 * carts, orders and payment collections, and audits allowed mutations through
 * built-in routes.
 */
export function denyByDefault(rules: () => RouteRule[]): MiddlewareFunction {
  let map: RouteMap | undefined
  const chains = new Map<RoutePolicy, MiddlewareFunction[]>()
  const chainFor = (policy: Exclude<RoutePolicy, { kind: "public" | "refused" }>) => {
    let chain = chains.get(policy)
    if (!chain) {
      chain = authorize({ actors: policy.actors, permission: "permission" in policy ? policy.permission : undefined })
      chains.set(policy, chain)
    }
    return chain
  }

  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (req.method === "OPTIONS") {
      return next()
    }
    map ??= new RouteMap(rules())
    const path = (req.originalUrl ?? req.url).split("?")[0]
    const matched = map.match(req.method, path)
    if (!matched) {
      return deny(res, 404, "RUTA_NO_MAPEADA", "Esta dirección no existe o no tiene permisos definidos en la Tienda Digital.")
    }
    const { rule, params } = matched
    const policy = rule.policy
    if (policy.kind === "public") {
      return next()
    }
    if (policy.kind === "refused") {
      return deny(res, 403, policy.code, policy.reason)
    }
    const authorized = async () => {
      const areq = req as AuthorizedRequest
      if (areq.access.actor_type === "user" && areq.access.roles.length === 0) {
        return deny(
          res,
          403,
          "CUENTA_SIN_ROL",
          "Tu cuenta no tiene ningún rol vigente en la Tienda Digital; solicita uno al administrador del sistema.",
        )
      }
      if (policy.kind === "owner") {
        if (!(await ownsResource(req, areq.access, policy.resource, params))) {
          return deny(res, 404, "NO_ENCONTRADO", "No encontramos ese recurso entre los de tu organización.")
        }
        if (policy.resource.entity === "payment_collection" && !(await budgetOfOwnOrganization(req, areq.access))) {
          return deny(
            res,
            403,
            "PRESUPUESTO_DE_OTRA_ORGANIZACION",
            "Solo puedes pagar con claves y reservas presupuestales de tu propia organización.",
          )
        }
      }
      if (rule.source === "medusa" && MUTATING.has(req.method) && !path.startsWith("/auth/")) {
        auditBuiltInMutation(areq, res, rule)
      }
      return next()
    }
    // API keys are not people of the registry
    if ((req as { auth_context?: { actor_type?: string } }).auth_context?.actor_type === "api-key") {
      return deny(res, 401, "NO_AUTENTICADO", "Las llaves de API no dan acceso a la Tienda Digital: inicia sesión con tu cuenta.")
    }
    // a token ended by logout stops at once, before anything else reads it
    const bearer = bearerOf(req)
    try {
      if (bearer && (await isRevoked(req, bearer))) {
        return deny(res, 401, "SESION_CERRADA", "Tu sesión se cerró; inicia sesión de nuevo.")
      }
    } catch (e) {
      return next(e)
    }
    runChain(chainFor(policy), req, res, (err?: unknown) => (err ? next(err) : authorized().catch(next)))
  }
}
