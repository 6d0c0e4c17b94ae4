import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareFunction } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { applyQueryConfig, type ListQueryConfig } from "./query-config"

type Issue = z.core.$ZodIssue

function valueAt(body: unknown, path: PropertyKey[]): unknown {
  let v: unknown = body
  for (const key of path) {
    if (v === null || typeof v !== "object") {
      return undefined
    }
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}

function field(issue: Issue): string {
  return issue.path.length ? issue.path.map(String).join(".") : "cuerpo"
}

/** Spanish text for one zod issue. */
export function describeIssueEs(issue: Issue, body: unknown): string {
  const f = field(issue)
  switch (issue.code) {
    case "invalid_type":
      return valueAt(body, issue.path) === undefined
        ? `el campo «${f}» es obligatorio`
        : `el campo «${f}» debe ser de tipo ${issue.expected}`
    case "invalid_value":
      return valueAt(body, issue.path) === undefined
        ? `el campo «${f}» es obligatorio`
        : `el campo «${f}» debe ser uno de: ${issue.values.map(String).join(", ")}`
    case "unrecognized_keys":
      return `campos no reconocidos: ${issue.keys.join(", ")}`
    case "too_small":
      return `el campo «${f}» es demasiado ${issue.origin === "string" ? "corto" : "pequeño"} (mínimo ${String(issue.minimum)})`
    case "too_big":
      return `el campo «${f}» es demasiado ${issue.origin === "string" ? "largo" : "grande"} (máximo ${String(issue.maximum)})`
    case "invalid_format":
      return `el campo «${f}» no tiene un formato válido (${issue.format})`
    case "invalid_union":
      return `el campo «${f}» no tiene un valor aceptado`
    default:
      return issue.message ? `«${f}»: ${issue.message}` : `el campo «${f}» no es válido`
  }
}

function failure(issues: Issue[], body: unknown): MedusaError {
  const details = issues.slice(0, 5).map((i) => describeIssueEs(i, body))
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Datos inválidos: ${details.join("; ")}.`, "DATOS_INVALIDOS")
}

/**
 * The property under which `validateBody`/`validateQuery` publish the schema
 * they enforce, so the application's OpenAPI document is generated from the
 * very validators the routes run (like ACCESS_REQUIREMENT on `authorize`).
 */
export const VALIDATED_INPUT = "__tiendaValidatedInput"

/** What a validating middleware checks: the request body or the query string, against `schema` (and, for a list route, its fields). */
export type ValidatedInput = { in: "body" | "query"; schema: z.ZodType; fields?: ListQueryConfig }

/** A middleware that carries the schema it validates. */
export type ValidatorMiddleware = MiddlewareFunction & { [VALIDATED_INPUT]?: ValidatedInput }

/** The inputs validated by a route's middlewares (body and/or query), in order. */
export function validatedInputsOf(middlewares: unknown[] | undefined): ValidatedInput[] {
  return (middlewares ?? []).map((m) => (m as ValidatorMiddleware | undefined)?.[VALIDATED_INPUT]).filter((v): v is ValidatedInput => !!v)
}

function publish(middleware: MiddlewareFunction, input: ValidatedInput): MiddlewareFunction {
  ;(middleware as ValidatorMiddleware)[VALIDATED_INPUT] = input
  return middleware
}

/**
 * Like Medusa's validateAndTransformBody (strict objects, result in
 * `req.validatedBody`), with Spanish messages and a stable error code.
 */
export function validateBody(schema: z.ZodType) {
  const middleware = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = await schema.safeParseAsync(req.body ?? {})
    if (!result.success) {
      return next(failure(result.error.issues, req.body))
    }
    req.validatedBody = result.data
    return next()
  }
  return publish(middleware, { in: "body", schema })
}

/**
 * Query-string counterpart; the result is in `req.validatedQuery`. With a
 * list route's `query-config.ts` (`ListQueryConfig`), the schema spreads
 * `fieldsSchema` and `req.queryConfig.fields` holds the fields to answer
 * (an unknown field is a 400 CAMPOS_NO_PERMITIDOS).
 */
export function validateQuery(schema: z.ZodType, queryConfig?: ListQueryConfig) {
  const middleware = async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = await schema.safeParseAsync(req.query ?? {})
    if (!result.success) {
      return next(failure(result.error.issues, req.query))
    }
    req.validatedQuery = result.data as Record<string, unknown>
    if (queryConfig) {
      try {
        applyQueryConfig(req, req.validatedQuery, queryConfig)
      } catch (e) {
        return next(e)
      }
    }
    return next()
  }
  return publish(middleware, { in: "query", schema, ...(queryConfig ? { fields: queryConfig } : {}) })
}

/** limit/offset pagination with sane bounds. */
export const paginationSchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}
