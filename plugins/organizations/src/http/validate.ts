import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

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
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `Datos inválidos: ${details.join("; ")}.`,
    "DATOS_INVALIDOS"
  )
}

/**
 * Like Medusa's validateAndTransformBody (strict objects, result in
 * `req.validatedBody`), with Spanish messages and a stable error code.
 */
export function validateBody(schema: z.ZodType) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = await schema.safeParseAsync(req.body ?? {})
    if (!result.success) {
      return next(failure(result.error.issues, req.body))
    }
    req.validatedBody = result.data
    return next()
  }
}

/** Query-string counterpart; the result is in `req.validatedQuery`. */
export function validateQuery(schema: z.ZodType) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const result = await schema.safeParseAsync(req.query ?? {})
    if (!result.success) {
      return next(failure(result.error.issues, req.query))
    }
    req.validatedQuery = result.data as Record<string, unknown>
    return next()
  }
}

/** limit/offset pagination with sane bounds. */
export const paginationSchema = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}
