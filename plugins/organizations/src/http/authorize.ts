import {
  authenticate,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  type MiddlewareFunction,
} from "@medusajs/framework/http"
import { loadAccessContext, type AccessContext } from "../access/access-context"
import type { Permission } from "../access/permissions"
import type { ActorType } from "../access/roles"
import { ACTOR_LABELS_ES, PERMISSION_LABELS_ES } from "../access/labels"
import { getRole } from "../access/roles"

export type AccessRequirement = {
  /** Actor types allowed on the route. */
  actors: ActorType[]
  /** Permission the caller's active roles must grant. Omit for "any role". */
  permission?: Permission
}

/**
 * The property under which `authorize` publishes its requirement on the guard
 * it returns, so the application can build its route → permission map from
 * the plugins' own middleware declarations (deny by default, ADR 0011).
 */
export const ACCESS_REQUIREMENT = "__tiendaAccessRequirement"

/** A middleware that carries the access requirement it enforces. */
export type GuardMiddleware = MiddlewareFunction & { [ACCESS_REQUIREMENT]?: AccessRequirement }

/** The requirement declared by a route's middlewares, if any of them is an `authorize` guard. */
export function accessRequirementOf(middlewares: unknown[] | undefined): AccessRequirement | undefined {
  for (const m of middlewares ?? []) {
    const req = (m as GuardMiddleware | undefined)?.[ACCESS_REQUIREMENT]
    if (req) {
      return req
    }
  }
  return undefined
}

/**
 * A request that passed `authorize`. `Body` and `Query` are the types inferred
 * from the zod schemas given to `validateBody`/`validateQuery` on the route
 * (`z.infer<typeof Schema>`), so `req.validatedBody`/`req.validatedQuery` are
 * typed without casts.
 */
export type AuthorizedRequest<Body = unknown, Query = Record<string, unknown>> = MedusaRequest<Body, Query> & {
  access: AccessContext
  auth_context: { actor_id: string; actor_type: string }
}

function deny(res: MedusaResponse, status: 401 | 403, code: string, message: string) {
  res.status(status).json({
    type: status === 401 ? "unauthorized" : "forbidden",
    code,
    message,
  })
}

/**
 * The guard every custom route uses: authenticates any actor type (session
 * or bearer), loads the caller's person, organization and active roles, and
 * checks the actor type and the permission against the role-permission
 * matrix. 401 when nobody is logged in, 403 with a specific Spanish message
 * otherwise. Scoping to the caller's organization is then done by the
 * workflows and queries with `req.access`.
 */
export function authorize(requirement: AccessRequirement): MiddlewareFunction[] {
  const authn = authenticate("*", ["session", "bearer"], {
    allowUnauthenticated: true,
  })
  const guard = async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const auth = (req as AuthorizedRequest).auth_context
    if (!auth?.actor_id) {
      return deny(res, 401, "NO_AUTENTICADO", "Inicia sesión para continuar: esta operación requiere una cuenta autorizada.")
    }
    const actorType = auth.actor_type as ActorType
    if (!requirement.actors.includes(actorType)) {
      const allowed = requirement.actors.map((a) => ACTOR_LABELS_ES[a]).join(", ")
      return deny(
        res,
        403,
        "TIPO_DE_CUENTA_NO_PERMITIDO",
        `Tu tipo de cuenta (${ACTOR_LABELS_ES[actorType] ?? actorType}) no puede usar esta función; está reservada a: ${allowed}.`,
      )
    }
    try {
      // the application's deny-by-default guard may have loaded it already
      const loaded = (req as AuthorizedRequest).access as AccessContext | undefined
      const access =
        loaded && loaded.actor_type === actorType && loaded.actor_id === auth.actor_id
          ? loaded
          : await loadAccessContext(req.scope, actorType, auth.actor_id)
      if (!access) {
        return deny(
          res,
          403,
          "CUENTA_SIN_ALTA",
          "Tu cuenta no está dada de alta o está inactiva en la Tienda Digital; solicita el alta al administrador del sistema.",
        )
      }
      if (requirement.permission && !access.permissions.includes(requirement.permission)) {
        const roles = [...new Set(access.roles.map((r) => getRole(r.role)?.label_es ?? r.role))].join(", ") || "ninguno vigente"
        return deny(
          res,
          403,
          "PERMISO_DENEGADO",
          `Tus roles (${roles}) no tienen el permiso «${PERMISSION_LABELS_ES[requirement.permission] ?? requirement.permission}».`,
        )
      }
      ;(req as AuthorizedRequest).access = access
      return next()
    } catch (e) {
      return next(e)
    }
  }
  ;(guard as GuardMiddleware)[ACCESS_REQUIREMENT] = requirement
  return [authn, guard]
}
