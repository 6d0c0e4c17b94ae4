import { z } from "@medusajs/framework/zod"
import {
  accessRequirementOf,
  isIdempotentRoute,
  validatedInputsOf,
  type AccessRequirement,
  type ValidatedInput,
} from "@tienda/organizations/http"
import { ACTOR_LABELS_ES, PERMISSION_LABELS_ES } from "@tienda/organizations/utils"
import type { HttpMethod, RouteRule } from "../security/policy"
import { OPERATION_SUMMARIES, type OperationSummary } from "./summaries"

type JsonSchema = Record<string, unknown>

/** One route declaration of a middlewares file (as `defineMiddlewares` leaves it, or raw). */
export type DeclaredRoute = { method?: string | string[]; methods?: string | string[]; matcher: string | RegExp; middlewares?: unknown[] }

export type OpenApiSources = {
  /** Every middlewares file of the application, by its source name (the same names as the route map's `source`). */
  middlewares: Record<string, { routes?: DeclaredRoute[] }>
  /** The application's own (non-Medusa) entries of the route map: the routes the document must describe. */
  rules: RouteRule[]
  version: string
}

/** The OpenAPI document and what it was built from, for `GET /openapi.json`. */
export type OpenApiDocument = {
  openapi: "3.1.0"
  info: Record<string, unknown>
  jsonSchemaDialect: string
  servers: { url: string; description: string }[]
  tags: { name: string; description: string }[]
  paths: Record<string, Record<string, JsonSchema>>
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema>; responses: Record<string, JsonSchema> }
}

export const OPENAPI_METHODS = ["get", "put", "post", "delete", "patch"] as const

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["type", "code", "message"],
  properties: {
    type: { type: "string", description: "Medusa error type (invalid_data, unauthorized, forbidden, not_found, conflict…)" },
    code: { type: "string", pattern: "^[A-Z][A-Z0-9_]{2,}$", description: "Stable error code / Código de error estable" },
    message: { type: "string", description: "Mensaje en español para la persona usuaria / Spanish message for the user" },
  },
  additionalProperties: true,
}

/** The guard's and the validators' own codes (plugins/organizations/src/http). */
const GUARD_ERRORS = {
  "401": ["NO_AUTENTICADO"],
  "403": ["TIPO_DE_CUENTA_NO_PERMITIDO", "CUENTA_SIN_ALTA", "PERMISO_DENEGADO"],
}

/** `/store/requisitions/:id` → `/store/requisitions/{id}` and its parameter names. */
export function openApiPath(matcher: string): { path: string; params: string[] } {
  const params: string[] = []
  const path = matcher.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    params.push(name)
    return `{${name}}`
  })
  return { path, params }
}

const methodsOf = (route: DeclaredRoute): string[] => {
  const declared = route.methods ?? route.method
  return declared ? (Array.isArray(declared) ? declared : [declared]).map((m) => m.toUpperCase()) : ["*"]
}

/** The middlewares that run for one method + matcher, from every file (Medusa runs them all). */
function middlewaresFor(sources: OpenApiSources["middlewares"], method: string, matcher: string): unknown[] {
  const found: unknown[] = []
  for (const file of Object.values(sources)) {
    for (const route of file.routes ?? []) {
      if (typeof route.matcher !== "string" || route.matcher.toLowerCase() !== matcher.toLowerCase()) {
        continue
      }
      const methods = methodsOf(route)
      if (methods.includes("*") || methods.includes(method)) {
        found.push(...(route.middlewares ?? []))
      }
    }
  }
  return found
}

/**
 * The JSON Schema (2020-12, OpenAPI 3.1's dialect) a zod validator accepts.
 * The input side: what a client sends (before coercions and defaults).
 * Shared definitions are hoisted into `components.schemas` under `prefix`.
 */
function jsonSchemaOf(schema: z.ZodType, prefix: string, components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "inline",
  }) as JsonSchema
  const { $schema: _dialect, $defs, ...root } = generated
  const defs = ($defs ?? {}) as Record<string, JsonSchema>
  const rename = (name: string) => `${prefix}_${name}`.replace(/[^A-Za-z0-9._-]/g, "_")
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      return node.map(rewrite)
    }
    if (node && typeof node === "object") {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string") {
          out[k] =
            v === "#"
              ? `#/components/schemas/${rename("root")}`
              : v.replace(/^#\/\$defs\/(.+)$/, (_m, n: string) => `#/components/schemas/${rename(n)}`)
        } else {
          out[k] = rewrite(v)
        }
      }
      return out
    }
    return node
  }
  const rewritten = rewrite(root) as JsonSchema
  for (const [name, def] of Object.entries(defs)) {
    components[rename(name)] = rewrite(def) as JsonSchema
  }
  if (JSON.stringify(generated).includes('"$ref":"#"')) {
    components[rename("root")] = rewritten
  }
  return rewritten
}

function accessText(access: AccessRequirement | undefined, isPublic: boolean): { es: string; en: string } {
  if (!access) {
    return isPublic
      ? { es: "Pública: no requiere sesión.", en: "Public: no session required." }
      : { es: "Requiere sesión.", en: "Requires a session." }
  }
  const actorsEs = access.actors.map((a) => ACTOR_LABELS_ES[a] ?? a).join(", ")
  const actorsEn = access.actors.join(", ")
  return access.permission
    ? {
        es: `Requiere una cuenta de tipo ${actorsEs} con el permiso «${PERMISSION_LABELS_ES[access.permission] ?? access.permission}» (${access.permission}).`,
        en: `Requires an actor of type ${actorsEn} whose roles grant the permission \`${access.permission}\`.`,
      }
    : { es: `Requiere una cuenta de tipo ${actorsEs} dada de alta.`, en: `Requires a registered actor of type ${actorsEn}.` }
}

const errorResponse = (description: string, codes: string[]) => ({
  description: `${description}${codes.length ? ` — ${codes.join(", ")}` : ""}`,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  "x-error-codes": codes,
})

const tagOf = (source: string) => source.replace(/^@tienda\//, "")

const fallbackSummary = (method: string, path: string): OperationSummary => ({ es: `${method} ${path}`, en: `${method} ${path}` })

/** The operation for one method + route of the route map. */
function operation(method: string, rule: RouteRule, sources: OpenApiSources, components: Record<string, JsonSchema>): JsonSchema {
  const middlewares = middlewaresFor(sources.middlewares, method, rule.path)
  const access = accessRequirementOf(middlewares)
  const inputs: ValidatedInput[] = validatedInputsOf(middlewares)
  const isPublic = rule.policy.kind === "public"
  const { path, params } = openApiPath(rule.path)
  const id = `${method.toLowerCase()}${path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())}`
  const summary = OPERATION_SUMMARIES[`${method} ${rule.path}`] ?? fallbackSummary(method, rule.path)
  const who = accessText(access, isPublic)

  const parameters: JsonSchema[] = params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }))
  if (rule.path.startsWith("/store")) {
    parameters.push({
      name: "x-publishable-api-key",
      in: "header",
      required: true,
      description: "Medusa publishable API key of the storefront / Clave publicable de la tienda",
      schema: { type: "string" },
    })
  }
  if (isIdempotentRoute(middlewares)) {
    parameters.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description:
        "Replays answer the first result; another body with the same key is a 409 IDEMPOTENCIA_CONFLICTO / Las repeticiones reciben la primera respuesta",
      schema: { type: "string", minLength: 1, maxLength: 200 },
    })
  }
  let requestBody: JsonSchema | undefined
  for (const input of inputs) {
    const schema = jsonSchemaOf(input.schema, id, components)
    if (input.in === "body") {
      requestBody = { required: true, content: { "application/json": { schema } } }
      continue
    }
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((schema.required as string[] | undefined) ?? [])
    for (const [name, prop] of Object.entries(properties)) {
      // a list route's query config: the fields a client may name in `fields`, and those answered without it
      const fields =
        name === "fields" && input.fields
          ? { "x-allowed-fields": [...(input.fields.allowed ?? input.fields.defaults)], "x-default-fields": [...input.fields.defaults] }
          : {}
      parameters.push({ name, in: "query", required: required.has(name), schema: prop, ...fields })
    }
  }

  const responses: Record<string, JsonSchema> = {
    "2XX": { description: "Éxito / Success", content: { "application/json": { schema: { type: "object" } } } },
  }
  const badInput = [
    ...(inputs.length ? ["DATOS_INVALIDOS"] : []),
    ...(inputs.some((i) => i.fields) ? ["CAMPOS_NO_PERMITIDOS"] : []),
    ...(isIdempotentRoute(middlewares) ? ["IDEMPOTENCIA_CLAVE_INVALIDA"] : []),
  ]
  const known = summary.errors ?? {}
  const codesFor = (status: string, base: string[]) => [...new Set([...base, ...(known[status] ?? [])])]
  if (badInput.length || known["400"]) {
    responses["400"] = errorResponse("Datos inválidos / Invalid input", codesFor("400", badInput))
  }
  if (access) {
    responses["401"] = errorResponse("Sin sesión / Not authenticated", codesFor("401", GUARD_ERRORS["401"]))
    responses["403"] = errorResponse("Sin permiso / Forbidden", codesFor("403", GUARD_ERRORS["403"]))
  }
  if (params.length || known["404"]) {
    responses["404"] = errorResponse("No encontrado / Not found", codesFor("404", ["NO_ENCONTRADO"]))
  }
  const conflicts = isIdempotentRoute(middlewares) ? ["IDEMPOTENCIA_CONFLICTO", "IDEMPOTENCIA_EN_PROCESO"] : []
  if (conflicts.length || known["409"]) {
    responses["409"] = errorResponse("Conflicto / Conflict", codesFor("409", conflicts))
  }
  for (const status of Object.keys(known).filter((s) => !(s in responses))) {
    const description = status.startsWith("5")
      ? "Servicio externo no disponible / Upstream unavailable"
      : "Rechazo de negocio (el estado depende del rechazo) / Domain refusal (the status depends on the refusal)"
    responses[status] = errorResponse(description, codesFor(status, []))
  }
  responses.default = { $ref: "#/components/responses/Error" }

  return {
    operationId: id,
    tags: [tagOf(rule.source)],
    summary: `${summary.es} / ${summary.en}`,
    description: `${who.es}\n\n${who.en}`,
    ...(parameters.length ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
    security: isPublic ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
    "x-tienda-access": isPublic ? { kind: "public" } : access ? { kind: "permission", ...access } : { kind: rule.policy.kind },
  }
}

/**
 * The application's OpenAPI 3.1 document, generated from the route map and
 * the very middlewares the routes run: paths and methods from the route map,
 * request bodies and query parameters from the zod schemas published by
 * `validateBody`/`validateQuery`, access from `authorize(...)`, the
 * Idempotency-Key header from `idempotent()` (docs/api.md).
 */
export function buildOpenApiDocument(sources: OpenApiSources): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA }
  const paths: OpenApiDocument["paths"] = {}
  const tags = new Set<string>()
  const rules = [...sources.rules].sort((a, b) => a.path.localeCompare(b.path))
  for (const rule of rules) {
    const methods: HttpMethod[] = rule.methods === "*" ? ["GET", "POST", "DELETE"] : rule.methods
    const { path } = openApiPath(rule.path)
    for (const method of methods) {
      const entry = (paths[path] ??= {})
      entry[method.toLowerCase()] ??= operation(method, rule, sources, schemas)
    }
    tags.add(tagOf(rule.source))
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Tienda Digital API",
      version: sources.version,
      summary: "Contratos marco: tienda, proveedores, observadores, auditoría / Framework agreements: store, suppliers, observers, audit",
      description:
        "Las rutas propias de la Tienda Digital (no las de Medusa), generadas de los mismos validadores zod y guardias `authorize` que ejecutan. Errores: `{ type, code, message }` con mensaje en español.\n\nTienda Digital's own routes (not Medusa's built-in ones), generated from the zod validators and `authorize` guards they run. Errors: `{ type, code, message }` with a Spanish message.",
      license: { name: "MIT", identifier: "MIT" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "/", description: "This server / Este servidor" }],
    tags: [...tags]
      .sort()
      .map((name) => ({ name, description: name === "backend" ? "The application's own routes" : `Plugin @tienda/${name}` })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Token from POST /auth/{actor_type}/emailpass" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "connect.sid", description: "Session from POST /auth/session" },
      },
      responses: {
        Error: {
          description: "Error `{ type, code, message }`",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  }
}
