import type { ActorType, Permission } from "@tienda/organizations/utils"

/**
 * What a route requires of its caller. Every route of the application, built
 * into Medusa or ours, resolves to exactly one policy; a route that resolves
 * to none is refused (deny by default, ADR 0011, docs/security.md).
 */
export type RoutePolicy =
  /** Anyone, logged in or not (catalog reads, login, health). */
  | { kind: "public" }
  /** Any registered, active person of these actor types (their own profile, their own data). */
  | { kind: "authenticated"; actors: ActorType[] }
  /** A registered person of these actor types whose roles grant `permission`. */
  | { kind: "permission"; actors: ActorType[]; permission: Permission }
  /**
   * Like "permission" (or "authenticated" without one), and the resource named by
   * the request must belong to the caller's organization.
   */
  | { kind: "owner"; actors: ActorType[]; permission?: Permission; resource: OwnedResource }
  /** Never: the route bypasses the law's path; `reason` says which path to take instead. */
  | { kind: "refused"; code: string; reason: string }

/** Where an owned Medusa resource's id is found in the request. */
export type OwnedResource = {
  entity: "cart" | "order" | "payment_collection"
  from: "params.id" | "body.cart_id" | "body.order_id" | "query.cart_id"
}

export type HttpMethod = "GET" | "POST" | "DELETE" | "PUT" | "PATCH"

/**
 * One entry of the route map. `path` is a Medusa route matcher
 * (`/store/carts/:id`), or a family (`/admin/price-lists/**`: the path itself
 * and everything below it).
 */
export type RouteRule = {
  methods: HttpMethod[] | "*"
  path: string
  policy: RoutePolicy
  /** Where the rule comes from (for docs and failures). */
  source: string
}

export const isFamily = (path: string) => path.endsWith("/**")
const familyRoot = (path: string) => path.slice(0, -3)

type Compiled = RouteRule & { regex: RegExp; rank: number[]; params: string[] }

/** A rule and the route parameters it matched (global middlewares see no `req.params`). */
export type Resolved = { rule: Compiled; params: Record<string, string> }

/** Express-like matching: case-insensitive, optional trailing slash, one segment per `:param`. */
function compile(rule: RouteRule): Compiled {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  const segments = (isFamily(rule.path) ? familyRoot(rule.path) : rule.path).split("/").filter(Boolean)
  const body = segments.map((s) => (s.startsWith(":") ? "/([^/]+?)" : `/${escape(s)}`)).join("")
  const tail = isFamily(rule.path) ? "(?:/.*)?" : "/?"
  // Medusa's order, segment by segment: static before params before "the rest"
  // of a family (so exact routes win over families, longer families over shorter)
  const rank = [...segments.map((s) => (s.startsWith(":") ? 1 : 0)), ...(isFamily(rule.path) ? [2] : [])]
  const params = segments.filter((s) => s.startsWith(":")).map((s) => s.slice(1))
  return { ...rule, regex: new RegExp(`^${body}${tail}$`, "i"), rank, params }
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) {
      return d
    }
  }
  return 0
}

/** Methods as Express routes them: HEAD is served by GET routes. */
export function routingMethod(method: string): string {
  const m = method.toUpperCase()
  return m === "HEAD" ? "GET" : m
}

/** The compiled route map; `resolve` finds the rule Express would dispatch a request to. */
export class RouteMap {
  readonly rules: Compiled[]

  constructor(rules: RouteRule[]) {
    this.rules = rules.map(compile).sort((a, b) => compareRank(a.rank, b.rank))
  }

  /** The rule for a concrete request path (no query string), or undefined (unmapped: refused). */
  resolve(method: string, path: string): Compiled | undefined {
    return this.match(method, path)?.rule
  }

  /** Like `resolve`, with the route parameters taken from the path. */
  match(method: string, path: string): Resolved | undefined {
    const m = routingMethod(method)
    for (const rule of this.rules) {
      if (rule.methods !== "*" && !rule.methods.includes(m as HttpMethod)) {
        continue
      }
      const found = rule.regex.exec(path)
      if (found) {
        const params: Record<string, string> = {}
        rule.params.forEach((name, i) => {
          try {
            params[name] = decodeURIComponent(found[i + 1])
          } catch {
            params[name] = found[i + 1]
          }
        })
        return { rule, params }
      }
    }
    return undefined
  }

  /**
   * The rule covering a registered route (method + Medusa matcher such as
   * `/store/carts/:id`): the exact entry with that matcher, else the longest
   * family containing it. Used by the tests that enumerate Medusa's routes.
   */
  ruleForRoute(method: string, matcher: string): Compiled | undefined {
    const m = method.toUpperCase() as HttpMethod
    const applies = (r: Compiled) => r.methods === "*" || r.methods.includes(m)
    const exact = this.rules.find((r) => applies(r) && !isFamily(r.path) && r.path.toLowerCase() === matcher.toLowerCase())
    if (exact) {
      return exact
    }
    return this.rules.find((r) => {
      if (!applies(r) || !isFamily(r.path)) {
        return false
      }
      const root = familyRoot(r.path).toLowerCase()
      const target = matcher.toLowerCase()
      return target === root || target.startsWith(`${root}/`)
    })
  }
}
